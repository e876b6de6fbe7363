<?php
/**
 * Shortcodes for classic editors and page builders: [solidarity_platform], [solidarity_plank id=""],
 * [solidarity_petition id=""], [solidarity_donate], [solidarity_chapters], [solidarity_events],
 * [solidarity_join]. Their attributes are the
 * tags' attributes (heading-level or heading_level alike); `id` names the plank or petition.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers one shortcode per widget of the catalog.
 */
class Solidarity_Widgets_Shortcodes {

	/**
	 * Adds the shortcodes (on init).
	 */
	public static function register() {
		foreach ( Solidarity_Widgets_Catalog::widgets() as $name => $widget ) {
			add_shortcode(
				$widget['shortcode'],
				static function ( $atts ) use ( $name ) {
					return self::render( $name, is_array( $atts ) ? $atts : array() );
				}
			);
		}
	}

	/**
	 * One shortcode's HTML. Only the tag's own attributes pass; any other is named to editors.
	 *
	 * @param string $name The widget's key in the catalog.
	 * @param array  $atts The shortcode's attributes, as WordPress parsed them.
	 * @return string
	 */
	public static function render( $name, $atts ) {
		$widget = Solidarity_Widgets_Catalog::widgets()[ $name ];
		$known  = wp_list_pluck( $widget['attributes'], 'attr' );
		$values   = array();
		$problems = array();
		foreach ( $atts as $key => $value ) {
			$attr = str_replace( '_', '-', strtolower( (string) $key ) );
			if ( 'id' === $attr && isset( $widget['id'] ) ) {
				$attr = $widget['id'];
			}
			if ( in_array( $attr, $known, true ) ) {
				$values[ $attr ] = (string) $value;
				continue;
			}
			$problems[] = is_int( $key )
				/* translators: 1: a shortcode, 2: a value written without a name. */
				? sprintf( __( '[%1$s] ignored "%2$s": write attributes as name="value".', 'solidarity-widgets' ), $widget['shortcode'], $value )
				/* translators: 1: a shortcode, 2: an attribute, 3: the attributes it takes. */
				: sprintf( __( '[%1$s] has no attribute "%2$s"; it takes: %3$s.', 'solidarity-widgets' ), $widget['shortcode'], $key, implode( ', ', self::names( $widget ) ) );
		}
		return Solidarity_Widgets_Tag_Renderer::render( $name, $values, $problems );
	}

	/**
	 * The attribute names a widget's shortcode takes.
	 *
	 * @param array $widget A widget of the catalog.
	 * @return string[]
	 */
	private static function names( $widget ) {
		$names = wp_list_pluck( $widget['attributes'], 'attr' );
		if ( isset( $widget['id'] ) ) {
			array_unshift( $names, 'id' );
		}
		return $names;
	}
}
