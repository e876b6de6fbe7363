<?php
/**
 * One dynamic block per widget of the catalog: rendered in PHP, edited with plain `wp.*`
 * globals (assets/editor.js), previewed in the editor with the real widgets.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the blocks and hands the editor script what it needs.
 */
class Solidarity_Widgets_Blocks {

	const EDITOR_SCRIPT = 'solidarity-widgets-editor';

	/**
	 * Registers the editor script and the blocks (on init).
	 */
	public static function register() {
		wp_register_script(
			self::EDITOR_SCRIPT,
			plugins_url( 'assets/editor.js', SOLIDARITY_WIDGETS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			SOLIDARITY_WIDGETS_VERSION,
			true
		);
		$languages = plugin_dir_path( SOLIDARITY_WIDGETS_FILE ) . 'languages';
		wp_set_script_translations( self::EDITOR_SCRIPT, 'solidarity-widgets', $languages );
		foreach ( Solidarity_Widgets_Catalog::widgets() as $name => $widget ) {
			register_block_type(
				$widget['block'],
				array(
					'api_version'     => 2,
					'title'           => $widget['title'],
					'description'     => $widget['help'],
					'category'        => 'widgets',
					'icon'            => $widget['icon'],
					'keywords'        => array( 'solidarity', $widget['tag'] ),
					'supports'        => array( 'html' => false ),
					'attributes'      => self::attributes( $widget ),
					'editor_script'   => self::EDITOR_SCRIPT,
					'render_callback' => static function ( $attributes ) use ( $name ) {
						return self::render( $name, is_array( $attributes ) ? $attributes : array() );
					},
				)
			);
		}
	}

	/**
	 * The block's attributes: one per tag attribute (toggles are booleans, the rest strings).
	 *
	 * @param array $widget A widget of the catalog.
	 * @return array
	 */
	private static function attributes( $widget ) {
		$attributes = array();
		foreach ( $widget['attributes'] as $field ) {
			$attributes[ $field['key'] ] = 'toggle' === $field['control']
				? array(
					'type'    => 'boolean',
					'default' => false,
				)
				: array(
					'type'    => 'string',
					'default' => '',
				);
		}
		return $attributes;
	}

	/**
	 * A block's HTML, from its attributes.
	 *
	 * @param string $name       The widget's key in the catalog.
	 * @param array  $attributes The block's attributes.
	 * @return string
	 */
	public static function render( $name, $attributes ) {
		$values = array();
		foreach ( Solidarity_Widgets_Catalog::widgets()[ $name ]['attributes'] as $field ) {
			if ( isset( $attributes[ $field['key'] ] ) ) {
				$values[ $field['attr'] ] = $attributes[ $field['key'] ];
			}
		}
		return Solidarity_Widgets_Tag_Renderer::render( $name, $values );
	}

	/**
	 * Gives the editor script the settings and the catalog (enqueue_block_editor_assets).
	 */
	public static function enqueue_editor_assets() {
		$data = array(
			'feed'        => Solidarity_Widgets_Options::feed_url(),
			'script'      => Solidarity_Widgets_Script_Tag::attributes(),
			'lang'        => Solidarity_Widgets_Options::site_lang(),
			'settingsUrl' => current_user_can( 'manage_options' ) ? Solidarity_Widgets_Settings_Page::url() : '',
			'widgets'     => Solidarity_Widgets_Catalog::widgets(),
		);
		$script = 'var solidarityWidgetsEditor = ' . wp_json_encode( $data ) . ';';
		wp_add_inline_script( self::EDITOR_SCRIPT, $script, 'before' );
	}
}
