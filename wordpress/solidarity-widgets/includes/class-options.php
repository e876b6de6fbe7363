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
 * Reads the option `solidarity_widgets`: server, version, integrity.
 */
class Solidarity_Widgets_Options {

	const NAME = 'solidarity_widgets';

	/**
	 * The stored settings, every key present.
	 *
	 * @return array{server: string, version: string, integrity: string}
	 */
	public static function all() {
		$stored = get_option( self::NAME, array() );
		$stored = is_array( $stored ) ? $stored : array();
		return array(
			'server'    => isset( $stored['server'] ) ? (string) $stored['server'] : '',
			'version'   => isset( $stored['version'] ) ? (string) $stored['version'] : '',
			'integrity' => isset( $stored['integrity'] ) ? (string) $stored['integrity'] : '',
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
	 * The widget script's URL: the versioned copy when pinned, else the latest.
	 *
	 * @return string
	 */
	public static function script_url() {
		$server = self::server();
		if ( '' === $server ) {
			return '';
		}
		$version = self::all()['version'];
		return '' === $version ? $server . '/solidarity-widgets.js' : $server . '/' . $version . '/solidarity-widgets.js';
	}

	/**
	 * The script's SRI hash when the version is pinned; '' otherwise.
	 *
	 * @return string
	 */
	public static function integrity() {
		$all = self::all();
		return '' === $all['version'] ? '' : $all['integrity'];
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
