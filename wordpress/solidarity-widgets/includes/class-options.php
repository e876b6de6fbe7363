<?php
/**
 * The plugin's settings (one option) and the URLs derived from them.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Reads the option `solidarity_widgets`: server, version, integrity, widget_integrity.
 */
class Solidarity_Widgets_Options {

	const NAME = 'solidarity_widgets';

	/**
	 * The stored settings, every key present.
	 *
	 * `widget_integrity` holds, for a pinned version, the SRI hash of each widget's own script
	 * (`widgets/<tag>.js`) as the server's sri.json gave it when the settings were saved.
	 *
	 * @return array{server: string, version: string, integrity: string, widget_integrity: array<string, string>}
	 */
	public static function all() {
		$stored  = get_option( self::NAME, array() );
		$stored  = is_array( $stored ) ? $stored : array();
		$widgets = $stored['widget_integrity'] ?? array();
		$widgets = is_array( $widgets ) ? $widgets : array();
		return array(
			'server'           => isset( $stored['server'] ) ? (string) $stored['server'] : '',
			'version'          => isset( $stored['version'] ) ? (string) $stored['version'] : '',
			'integrity'        => isset( $stored['integrity'] ) ? (string) $stored['integrity'] : '',
			'widget_integrity' => array_filter( $widgets, 'is_string' ),
		);
	}

	/**
	 * Stores the empty settings if there are none (on activation).
	 */
	public static function add_defaults() {
		add_option( self::NAME, self::all() );
	}

	/**
	 * The organization's server, without a trailing slash; '' when not set.
	 *
	 * @return string
	 */
	public static function server() {
		return untrailingslashit( self::all()['server'] );
	}

	/**
	 * The feed's URL; '' when no server is set.
	 *
	 * @return string
	 */
	public static function feed_url() {
		$server = self::server();
		return '' === $server ? '' : $server . '/feed.json';
	}

	/**
	 * A script's path on the server: the main one, or a widget's own (`widgets/<tag>.js`).
	 *
	 * @param string $tag A widget's tag for its own script; '' for the main script.
	 * @return string
	 */
	public static function script_path( $tag = '' ) {
		return '' === $tag ? 'solidarity-widgets.js' : 'widgets/' . $tag . '.js';
	}

	/**
	 * A script's URL: the versioned copy when pinned, else the latest; '' when no server is set.
	 *
	 * @param string $tag A widget's tag for its own script; '' for the main script.
	 * @return string
	 */
	public static function script_url( $tag = '' ) {
		$server = self::server();
		if ( '' === $server ) {
			return '';
		}
		$version = self::all()['version'];
		return $server . '/' . ( '' === $version ? '' : $version . '/' ) . self::script_path( $tag );
	}

	/**
	 * A script's SRI hash when the version is pinned; '' otherwise (and for a widget's own script
	 * whose hash was not stored).
	 *
	 * @param string $tag A widget's tag for its own script; '' for the main script.
	 * @return string
	 */
	public static function integrity( $tag = '' ) {
		$all = self::all();
		if ( '' === $all['version'] ) {
			return '';
		}
		if ( '' === $tag ) {
			return $all['integrity'];
		}
		return $all['widget_integrity'][ $tag ] ?? '';
	}

	/**
	 * Whether a widget's own script can be used: always unpinned; pinned, only with its hash.
	 *
	 * @param string $tag A widget's tag.
	 * @return bool
	 */
	public static function has_own_script( $tag ) {
		return '' === self::all()['version'] || '' !== self::integrity( $tag );
	}

	/**
	 * The widgets' language: the site's locale as a BCP 47 tag (en_US becomes en-US).
	 *
	 * @return string
	 */
	public static function site_lang() {
		return str_replace( '_', '-', get_locale() );
	}
}
