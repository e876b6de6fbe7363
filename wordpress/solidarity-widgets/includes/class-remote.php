<?php
/**
 * Fetching the organization's feed and sri.json, with the reasons a fetch failed in words.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Reads JSON from the organization's server.
 */
class Solidarity_Widgets_Remote {

	const FEED_CACHE = 'solidarity_widgets_feed';

	/**
	 * GETs a URL and decodes its JSON body.
	 *
	 * @param string $url The address.
	 * @return array|WP_Error The decoded object, or why not.
	 */
	public static function get_json( $url ) {
		$response = wp_remote_get(
			$url,
			array(
				'timeout' => 8,
				'headers' => array( 'Accept' => 'application/json' ),
			)
		);
		if ( is_wp_error( $response ) ) {
			/* translators: 1: a URL, 2: the network error. */
			return new WP_Error( 'unreachable', sprintf( __( '%1$s could not be reached: %2$s', 'solidarity-widgets' ), $url, $response->get_error_message() ) );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( 200 !== $status ) {
			/* translators: 1: a URL, 2: an HTTP status code. */
			return new WP_Error( 'status', sprintf( __( '%1$s answered HTTP %2$d instead of 200.', 'solidarity-widgets' ), $url, $status ) );
		}
		$data = json_decode( wp_remote_retrieve_body( $response ), true );
		if ( ! is_array( $data ) ) {
			/* translators: %s: a URL. */
			return new WP_Error( 'not_json', sprintf( __( '%s did not answer JSON.', 'solidarity-widgets' ), $url ) );
		}
		return $data;
	}

	/**
	 * Checks that a server answers /feed.json with a feed (version 1).
	 *
	 * @param string $server The server's base URL, no trailing slash.
	 * @return array|WP_Error The feed, or why it is not one.
	 */
	public static function check_feed( $server ) {
		$url  = $server . '/feed.json';
		$feed = self::get_json( $url );
		if ( is_wp_error( $feed ) ) {
			return $feed;
		}
		if ( ! isset( $feed['version'] ) || 1 !== $feed['version'] || ! isset( $feed['org'] ) ) {
			/* translators: %s: a URL. */
			return new WP_Error( 'not_feed', sprintf( __( '%s answered JSON that is not a solidarity-widgets feed (it needs "version": 1 and "org").', 'solidarity-widgets' ), $url ) );
		}
		return $feed;
	}

	/**
	 * The configured server's feed, cached for a few minutes; null when unavailable.
	 *
	 * The feed gives the editor's choices and the text printed inside the tags for readers
	 * without JavaScript; the widgets themselves always load it live.
	 *
	 * @return array|null
	 */
	public static function cached_feed() {
		$server = Solidarity_Widgets_Options::server();
		if ( '' === $server ) {
			return null;
		}
		$cached = get_transient( self::FEED_CACHE );
		if ( is_array( $cached ) && isset( $cached['server'], $cached['feed'] ) && $cached['server'] === $server ) {
			return $cached['feed'];
		}
		$feed = self::check_feed( $server );
		if ( is_wp_error( $feed ) ) {
			// Remember the failure briefly, so a down server does not slow every page view.
			set_transient( self::FEED_CACHE, array( 'server' => $server, 'feed' => null ), MINUTE_IN_SECONDS );
			return null;
		}
		set_transient( self::FEED_CACHE, array( 'server' => $server, 'feed' => $feed ), 5 * MINUTE_IN_SECONDS );
		return $feed;
	}

	/**
	 * Forgets the cached feed (after the settings change).
	 */
	public static function forget_feed() {
		delete_transient( self::FEED_CACHE );
	}
}
