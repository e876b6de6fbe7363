<?php
/**
 * The widget script: printed once, as a module, only on pages that carry a widget. A page whose
 * widgets are all of one kind with a script of its own (the event list, the join form) gets that
 * lighter script, `widgets/<tag>.js`; any other page gets the main script, which defines every tag.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Remembers which widgets this page rendered, and prints the script in the footer if any.
 */
class Solidarity_Widgets_Script_Tag {

	/**
	 * The widgets rendered on this page (their keys in the catalog), as keys.
	 *
	 * @var array<string, true>
	 */
	private static $used = array();

	/**
	 * Whether the script was printed already.
	 *
	 * @var bool
	 */
	private static $printed = false;

	/**
	 * Notes that the page carries a widget.
	 *
	 * @param string $name The widget's key in the catalog.
	 */
	public static function mark_used( $name ) {
		self::$used[ $name ] = true;
	}

	/**
	 * The tag whose own script serves every widget this page rendered; '' when the main script must.
	 *
	 * @return string
	 */
	public static function own_script_tag() {
		if ( 1 !== count( self::$used ) ) {
			return '';
		}
		$widget = Solidarity_Widgets_Catalog::widgets()[ array_key_first( self::$used ) ];
		$own    = ! empty( $widget['own_script'] ) && Solidarity_Widgets_Options::has_own_script( $widget['tag'] );
		return $own ? $widget['tag'] : '';
	}

	/**
	 * The script tag's attributes: module, and pinned with integrity when a version is set.
	 *
	 * @param string $tag A widget's tag for its own script; '' for the main script.
	 * @return array
	 */
	public static function attributes( $tag = '' ) {
		$attributes = array(
			'type' => 'module',
			// wp_print_script_tag() escapes every value for the attribute.
			'src'  => esc_url_raw( Solidarity_Widgets_Options::script_url( $tag ) ),
		);
		$integrity  = Solidarity_Widgets_Options::integrity( $tag );
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
		if ( empty( self::$used ) || self::$printed || '' === Solidarity_Widgets_Options::script_url() ) {
			return;
		}
		self::$printed = true;
		wp_print_script_tag( self::attributes( self::own_script_tag() ) );
	}
}
