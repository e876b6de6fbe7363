<?php
/**
 * The widget script: printed once, as a module, only on pages that carry a widget.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Remembers whether this page rendered a widget, and prints the script in the footer if so.
 */
class Solidarity_Widgets_Script_Tag {

	/**
	 * Whether a widget was rendered on this page.
	 *
	 * @var bool
	 */
	private static $used = false;

	/**
	 * Whether the script was printed already.
	 *
	 * @var bool
	 */
	private static $printed = false;

	/**
	 * Notes that the page carries a widget.
	 */
	public static function mark_used() {
		self::$used = true;
	}

	/**
	 * The script tag's attributes: module, and pinned with integrity when a version is set.
	 *
	 * @return array
	 */
	public static function attributes() {
		$attributes = array(
			'type' => 'module',
			// wp_print_script_tag() escapes every value for the attribute.
			'src'  => esc_url_raw( Solidarity_Widgets_Options::script_url() ),
		);
		$integrity  = Solidarity_Widgets_Options::integrity();
		if ( '' !== $integrity ) {
			$attributes['integrity']   = $integrity;
			$attributes['crossorigin'] = 'anonymous';
		}
		return $attributes;
	}

	/**
	 * Prints the script (wp_footer), once, if a widget was rendered.
	 */
	public static function print_when_used() {
		if ( ! self::$used || self::$printed || '' === Solidarity_Widgets_Options::script_url() ) {
			return;
		}
		self::$printed = true;
		wp_print_script_tag( self::attributes() );
	}
}
