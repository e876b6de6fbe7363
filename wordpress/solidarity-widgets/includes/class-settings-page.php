<?php
/**
 * Settings → Solidarity widgets: the organization's server (checked: it must answer /feed.json
 * with a feed) and an optional version pin with its SRI hash. Administrators only.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The settings screen and the checks on what is saved.
 */
class Solidarity_Widgets_Settings_Page {

	const SLUG = 'solidarity-widgets';

	/**
	 * Registers the option with its check (admin_init).
	 */
	public static function register_setting() {
		register_setting(
			self::SLUG,
			Solidarity_Widgets_Options::NAME,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( self::class, 'sanitize' ),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * The settings screen's address.
	 *
	 * @return string
	 */
	public static function url() {
		return admin_url( 'options-general.php?page=' . self::SLUG );
	}

	/**
	 * Adds the page under Settings (admin_menu).
	 */
	public static function add_page() {
		add_options_page(
			__( 'Solidarity widgets', 'solidarity-widgets' ),
			__( 'Solidarity widgets', 'solidarity-widgets' ),
			'manage_options',
			self::SLUG,
			array( self::class, 'render' )
		);
	}

	/**
	 * Checks what was submitted; anything wrong keeps the saved value and says why.
	 *
	 * @param mixed $input The submitted option.
	 * @return array The option to store.
	 */
	public static function sanitize( $input ) {
		$old   = Solidarity_Widgets_Options::all();
		$input = is_array( $input ) ? $input : array();
		$new   = array(
			'server'    => untrailingslashit( trim( (string) ( $input['server'] ?? '' ) ) ),
			'version'   => trim( (string) ( $input['version'] ?? '' ) ),
			'integrity' => trim( (string) ( $input['integrity'] ?? '' ) ),
		);
		if ( '' === $new['server'] ) {
			Solidarity_Widgets_Remote::forget_feed();
			return array(
				'server'           => '',
				'version'          => '',
				'integrity'        => '',
				'widget_integrity' => array(),
			);
		}
		$problem = self::server_problem( $new['server'] );
		if ( null === $problem ) {
			$problem = self::pin_problem( $new );
		}
		if ( null !== $problem ) {
			add_settings_error( Solidarity_Widgets_Options::NAME, 'solidarity_widgets_' . $problem->get_error_code(), $problem->get_error_message() );
			return $old;
		}
		Solidarity_Widgets_Remote::forget_feed();
		return $new;
	}

	/**
	 * Why a server address cannot be used, or null.
	 *
	 * @param string $server The address given.
	 * @return WP_Error|null
	 */
	private static function server_problem( $server ) {
		if ( esc_url_raw( $server, array( 'http', 'https' ) ) !== $server || ! wp_parse_url( $server, PHP_URL_HOST ) ) {
			/* translators: %s: what was typed. */
			return new WP_Error( 'server_url', sprintf( __( '"%s" is not a web address. Give the server\'s address, like https://party.example', 'solidarity-widgets' ), $server ) );
		}
		$feed = Solidarity_Widgets_Remote::check_feed( $server );
		if ( is_wp_error( $feed ) ) {
			/* translators: %s: why the feed could not be read. */
			return new WP_Error( 'server_feed', sprintf( __( 'The server was not saved: %s', 'solidarity-widgets' ), $feed->get_error_message() ) );
		}
		return null;
	}

	/**
	 * Why a version pin cannot be used, or null. A pin without a hash takes it from the server's sri.json;
	 * the widgets' own scripts take theirs from it when it lists the same hash for the main script.
	 *
	 * @param array $settings The new settings; `integrity` and `widget_integrity` may be filled in.
	 * @return WP_Error|null
	 */
	private static function pin_problem( &$settings ) {
		$settings['widget_integrity'] = array();
		if ( '' === $settings['version'] ) {
			$settings['integrity'] = '';
			return null;
		}
		if ( ! preg_match( '/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/', $settings['version'] ) ) {
			/* translators: %s: what was typed. */
			return new WP_Error( 'version', sprintf( __( 'Version "%s" is not a version number like 0.1.0.', 'solidarity-widgets' ), $settings['version'] ) );
		}
		$sri = Solidarity_Widgets_Remote::get_json( $settings['server'] . '/sri.json' );
		$sri = is_wp_error( $sri ) ? array() : $sri;
		$key = $settings['version'] . '/' . Solidarity_Widgets_Options::script_path();
		if ( '' === $settings['integrity'] ) {
			if ( ! isset( $sri[ $key ] ) || ! is_string( $sri[ $key ] ) ) {
				/* translators: %s: a version number. */
				return new WP_Error( 'integrity_missing', sprintf( __( 'The server\'s sri.json has no hash for version %s: paste the hash yourself, or leave the version empty.', 'solidarity-widgets' ), $settings['version'] ) );
			}
			$settings['integrity'] = $sri[ $key ];
		}
		if ( ! self::is_sri( $settings['integrity'] ) ) {
			/* translators: %s: what was typed. */
			return new WP_Error( 'integrity', sprintf( __( '"%s" is not an SRI hash; copy the sha384-… value from the server\'s sri.json.', 'solidarity-widgets' ), $settings['integrity'] ) );
		}
		if ( ( $sri[ $key ] ?? null ) === $settings['integrity'] ) {
			$settings['widget_integrity'] = self::widget_hashes( $sri, $settings['version'] );
		}
		return null;
	}

	/**
	 * The SRI hashes sri.json lists for the widgets' own scripts of a version, by tag.
	 *
	 * @param array  $sri     The server's sri.json.
	 * @param string $version The pinned version.
	 * @return array<string, string>
	 */
	private static function widget_hashes( $sri, $version ) {
		$hashes = array();
		foreach ( Solidarity_Widgets_Catalog::widgets() as $widget ) {
			$key  = $version . '/' . Solidarity_Widgets_Options::script_path( $widget['tag'] );
			$hash = $sri[ $key ] ?? null;
			if ( ! empty( $widget['own_script'] ) && is_string( $hash ) && self::is_sri( $hash ) ) {
				$hashes[ $widget['tag'] ] = $hash;
			}
		}
		return $hashes;
	}

	/**
	 * Whether a value is an SRI hash (sha256, sha384 or sha512).
	 *
	 * @param string $value The value.
	 * @return bool
	 */
	private static function is_sri( $value ) {
		return 1 === preg_match( '/^sha(256|384|512)-[A-Za-z0-9+\/]+={0,2}$/', $value );
	}

	/**
	 * The settings screen.
	 */
	public static function render() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<form method="post" action="options.php">
				<?php settings_fields( self::SLUG ); ?>
				<table class="form-table" role="presentation">
					<?php
					self::field(
						'server',
						'url',
						'regular-text code',
						__( "Organization's server", 'solidarity-widgets' ),
						'https://party.example',
						__( 'Where your organization runs solidarity-widgets serve. It must answer /feed.json; allow this site there with --allow-origin so readers can sign petitions.', 'solidarity-widgets' )
					);
					self::field(
						'version',
						'text',
						'small-text code',
						__( 'Pin to version (optional)', 'solidarity-widgets' ),
						'0.1.0',
						__( 'Empty: always the latest script. A version: that exact script, checked by the browser against its hash.', 'solidarity-widgets' )
					);
					self::field(
						'integrity',
						'text',
						'large-text code',
						__( 'SRI hash of the pinned script', 'solidarity-widgets' ),
						'sha384-…',
						__( 'From the server\'s sri.json. Left empty with a version, it is read from the server when you save.', 'solidarity-widgets' )
					);
					?>
				</table>
				<?php submit_button(); ?>
			</form>
		</div>
		<?php
	}

	/**
	 * One row of the settings table: label, input, description.
	 *
	 * @param string $key         The setting.
	 * @param string $type        The input's type.
	 * @param string $size        The input's classes.
	 * @param string $label       Its label.
	 * @param string $placeholder An example value.
	 * @param string $help        What it is for.
	 */
	private static function field( $key, $type, $size, $label, $placeholder, $help ) {
		$id    = 'solidarity-widgets-' . $key;
		$value = Solidarity_Widgets_Options::all()[ $key ];
		printf(
			'<tr><th scope="row"><label for="%1$s">%2$s</label></th><td>'
				. '<input type="%3$s" class="%4$s" id="%1$s" name="%5$s" value="%6$s" placeholder="%7$s" aria-describedby="%1$s-help">'
				. '<p class="description" id="%1$s-help">%8$s</p></td></tr>',
			esc_attr( $id ),
			esc_html( $label ),
			esc_attr( $type ),
			esc_attr( $size ),
			esc_attr( Solidarity_Widgets_Options::NAME . '[' . $key . ']' ),
			esc_attr( $value ),
			esc_attr( $placeholder ),
			esc_html( $help )
		);
	}
}
