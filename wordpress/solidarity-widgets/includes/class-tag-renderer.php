<?php
/**
 * Turns a widget and its attribute values into the widget's tag, every value escaped, with
 * the fallback text inside. Blocks and shortcodes both render through here.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Builds `<tag feed="…" lang="…" …>fallback</tag>`.
 */
class Solidarity_Widgets_Tag_Renderer {

	/**
	 * The HTML for one widget.
	 *
	 * @param string   $name     The widget's key in the catalog.
	 * @param array    $values   Tag attribute name => value, as the editor set them.
	 * @param string[] $problems What the editor should hear about (e.g. an unknown attribute).
	 * @return string
	 */
	public static function render( $name, $values, $problems = array() ) {
		$widget = Solidarity_Widgets_Catalog::widgets()[ $name ];
		$feed   = Solidarity_Widgets_Options::feed_url();
		if ( '' === $feed ) {
			return self::notice(
				array(
					/* translators: %s: the widget's name. */
					sprintf( __( 'The %s widget needs the organization\'s server: an administrator sets it in Settings → Solidarity widgets.', 'solidarity-widgets' ), $widget['title'] ),
				)
			);
		}
		$attributes = array(
			'feed' => esc_url( $feed ),
			'lang' => esc_attr( Solidarity_Widgets_Options::site_lang() ),
		);
		foreach ( $widget['attributes'] as $field ) {
			$value = isset( $values[ $field['attr'] ] ) ? $values[ $field['attr'] ] : '';
			if ( 'toggle' === $field['control'] ) {
				if ( self::is_on( $value ) ) {
					$attributes[ $field['attr'] ] = '';
				}
				continue;
			}
			$value = trim( (string) $value );
			if ( '' === $value ) {
				continue;
			}
			if ( 'url' === $field['control'] ) {
				$url = esc_url( $value, array( 'http', 'https' ) );
				if ( '' === $url ) {
					/* translators: 1: an attribute name, 2: its value. */
					$problems[] = sprintf( __( '%1$s "%2$s" is not an http or https address; it was left out.', 'solidarity-widgets' ), $field['attr'], $value );
					continue;
				}
				$attributes[ $field['attr'] ] = $url;
				continue;
			}
			$attributes[ $field['attr'] ] = esc_attr( $value );
		}
		Solidarity_Widgets_Script_Tag::mark_used( $name );
		$html = '<' . $widget['tag'];
		foreach ( $attributes as $attr => $escaped ) {
			// A toggle that is on is a bare attribute; any other value was skipped when empty.
			$html .= '' === $escaped ? ' ' . $attr : ' ' . $attr . '="' . $escaped . '"';
		}
		$fallback = Solidarity_Widgets_Fallback::html( $name, $values, Solidarity_Widgets_Remote::cached_feed() );
		return self::notice( $problems ) . $html . '>' . $fallback . '</' . $widget['tag'] . '>';
	}

	/**
	 * Whether a toggle's value means on ('1', 'true', 'yes', the attribute's own name, true).
	 *
	 * @param mixed $value The value.
	 * @return bool
	 */
	private static function is_on( $value ) {
		if ( is_bool( $value ) ) {
			return $value;
		}
		return in_array( strtolower( trim( (string) $value ) ), array( '1', 'true', 'yes', 'on', 'expanded' ), true );
	}

	/**
	 * Problems, shown only to people who edit posts (readers see the widget alone).
	 *
	 * @param string[] $problems Messages.
	 * @return string
	 */
	private static function notice( $problems ) {
		if ( empty( $problems ) || ! current_user_can( 'edit_posts' ) ) {
			return '';
		}
		$items = '';
		foreach ( $problems as $problem ) {
			$items .= '<li>' . esc_html( $problem ) . '</li>';
		}
		return '<div class="solidarity-widgets-notice" role="note"><strong>'
			. esc_html__( 'Solidarity widgets (only editors see this):', 'solidarity-widgets' )
			. '</strong><ul>' . $items . '</ul></div>';
	}
}
