<?php
/**
 * The widgets the plugin offers, written once: each one's tag, block, shortcode and the
 * attributes an editor may set. Blocks, shortcodes and the editor script all read this table.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The table of widgets.
 */
class Solidarity_Widgets_Catalog {

	/**
	 * Every widget, by key. An attribute: `attr` is the tag's attribute name, `key` the block
	 * attribute, `control` the editor control (text, number, url, toggle, select, or feed:
	 * a choice among the feed's `platform`, `petitions` or `chapters`). `own_script`: the widget
	 * has a script of its own (`widgets/<tag>.js`) that a page showing only it loads instead.
	 *
	 * @return array<string, array>
	 */
	public static function widgets() {
		$variant = self::select(
			'variant',
			'variant',
			__( 'Variant', 'solidarity-widgets' ),
			array(
				'card'    => __( 'Card', 'solidarity-widgets' ),
				'compact' => __( 'Compact (title opens the text)', 'solidarity-widgets' ),
			)
		);
		$heading = self::select(
			'heading-level',
			'headingLevel',
			__( 'Heading level', 'solidarity-widgets' ),
			array(
				'2' => 'H2',
				'3' => 'H3',
				'4' => 'H4',
				'5' => 'H5',
				'6' => 'H6',
			)
		);
		$widgets = array(
			'platform' => array(
				'tag'        => 'platform-list',
				'title'      => __( 'Platform', 'solidarity-widgets' ),
				'help'       => __( "The organization's platform, or the planks with some tags.", 'solidarity-widgets' ),
				'icon'       => 'list-view',
				'attributes' => array(
					self::field( 'tags', 'tags', 'text', __( 'Only planks with these tags (comma-separated)', 'solidarity-widgets' ) ),
					$variant,
					self::field( 'limit', 'limit', 'number', __( 'At most this many planks', 'solidarity-widgets' ) ),
					$heading,
				),
			),
			'plank'    => array(
				'tag'        => 'platform-plank',
				'title'      => __( 'Platform plank', 'solidarity-widgets' ),
				'help'       => __( 'One plank of the platform, as a card.', 'solidarity-widgets' ),
				'icon'       => 'id',
				'id'         => 'plank',
				'attributes' => array(
					self::field( 'plank', 'plank', 'feed:platform', __( 'Plank', 'solidarity-widgets' ) ),
					$variant,
					self::field( 'expanded', 'expanded', 'toggle', __( 'Show the whole text at first', 'solidarity-widgets' ) ),
					$heading,
				),
			),
			'petition' => array(
				'tag'        => 'petition-form',
				'title'      => __( 'Petition', 'solidarity-widgets' ),
				'help'       => __( 'A petition readers sign on this page.', 'solidarity-widgets' ),
				'icon'       => 'megaphone',
				'id'         => 'petition',
				'attributes' => array(
					self::field( 'petition', 'petition', 'feed:petitions', __( 'Petition', 'solidarity-widgets' ) ),
					self::field( 'heading', 'heading', 'text', __( "Heading (instead of the petition's title)", 'solidarity-widgets' ) ),
					self::field( 'goal', 'goal', 'number', __( 'Goal (instead of the petition\'s)', 'solidarity-widgets' ) ),
					self::field( 'fields', 'fields', 'text', __( 'Fields asked (comma-separated, e.g. given_name,email)', 'solidarity-widgets' ) ),
					self::field( 'source', 'source', 'text', __( 'Source (tells organizers where signatures came from)', 'solidarity-widgets' ) ),
					self::field( 'privacy-url', 'privacyUrl', 'url', __( 'Privacy policy address', 'solidarity-widgets' ) ),
				),
			),
			'donate'   => array(
				'tag'        => 'donate-button',
				'title'      => __( 'Donate button', 'solidarity-widgets' ),
				'help'       => __( 'Readers choose an amount, then give through the payment provider.', 'solidarity-widgets' ),
				'icon'       => 'money-alt',
				'attributes' => array(
					self::field( 'amounts', 'amounts', 'text', __( 'Amounts offered (comma-separated, e.g. 10,25,50)', 'solidarity-widgets' ) ),
					self::field( 'currency', 'currency', 'text', __( 'Currency (ISO 4217, e.g. USD)', 'solidarity-widgets' ) ),
					self::field( 'default-amount', 'defaultAmount', 'number', __( 'Amount chosen at first', 'solidarity-widgets' ) ),
					self::select(
						'recurring',
						'recurring',
						__( 'Monthly giving', 'solidarity-widgets' ),
						array(
							'true'  => __( 'Offered', 'solidarity-widgets' ),
							'false' => __( 'Not offered', 'solidarity-widgets' ),
						)
					),
					self::field( 'refcode', 'refcode', 'text', __( 'Source code for the provider (refcode)', 'solidarity-widgets' ) ),
					self::select(
						'target',
						'target',
						__( 'Open the payment page', 'solidarity-widgets' ),
						array(
							'_self'  => __( 'In the same tab', 'solidarity-widgets' ),
							'_blank' => __( 'In a new tab', 'solidarity-widgets' ),
						)
					),
				),
			),
			'chapters' => array(
				'tag'        => 'chapter-map',
				'title'      => __( 'Chapter map', 'solidarity-widgets' ),
				'help'       => __( "A map and list of the organization's chapters, with search.", 'solidarity-widgets' ),
				'icon'       => 'location-alt',
				'attributes' => array(
					self::select(
						'list',
						'list',
						__( 'List of chapters', 'solidarity-widgets' ),
						array(
							'side'  => __( 'Beside the map', 'solidarity-widgets' ),
							'below' => __( 'Below the map', 'solidarity-widgets' ),
						)
					),
					self::field( 'center', 'center', 'text', __( 'Center (longitude,latitude)', 'solidarity-widgets' ) ),
					self::field( 'zoom', 'zoom', 'number', __( 'Zoom', 'solidarity-widgets' ) ),
				),
			),
			'events'   => array(
				'tag'        => 'event-list',
				'title'      => __( 'Event list', 'solidarity-widgets' ),
				'help'       => __( 'Upcoming events, with "Add to calendar" and RSVP.', 'solidarity-widgets' ),
				'icon'       => 'calendar-alt',
				'own_script' => true,
				'attributes' => array(
					self::choice(
						'chapter',
						__( "Only this chapter's events", 'solidarity-widgets' ),
						__( 'All chapters', 'solidarity-widgets' )
					),
					self::field( 'limit', 'limit', 'number', __( 'At most this many events', 'solidarity-widgets' ) ),
					self::select(
						'variant',
						'variant',
						__( 'Variant', 'solidarity-widgets' ),
						array(
							'list'    => __( 'List (everything about each event)', 'solidarity-widgets' ),
							'compact' => __( 'Compact (no descriptions)', 'solidarity-widgets' ),
						)
					),
					$heading,
				),
			),
			'join'     => array(
				'tag'        => 'join-form',
				'title'      => __( 'Join form', 'solidarity-widgets' ),
				'help'       => __( 'Readers become members and are brought to their chapter.', 'solidarity-widgets' ),
				'icon'       => 'groups',
				'own_script' => true,
				'attributes' => array(
					self::choice(
						'chapter',
						__( 'Chapter chosen at first (the reader may change it)', 'solidarity-widgets' ),
						__( 'None: found from the postal code', 'solidarity-widgets' )
					),
				),
			),
		);
		foreach ( $widgets as $name => $widget ) {
			$widgets[ $name ]['shortcode']    = 'solidarity_' . $name;
			$widgets[ $name ]['block']        = 'solidarity-widgets/' . $name;
			$widgets[ $name ]['attributes'][] = self::field( 'lang', 'lang', 'text', __( "Language (e.g. es; empty: the site's)", 'solidarity-widgets' ) );
		}
		return $widgets;
	}

	/**
	 * One attribute.
	 *
	 * @param string $attr    The tag's attribute.
	 * @param string $key     The block's attribute.
	 * @param string $control The editor control.
	 * @param string $label   What the editor reads.
	 * @return array
	 */
	private static function field( $attr, $key, $control, $label ) {
		return array(
			'attr'    => $attr,
			'key'     => $key,
			'control' => $control,
			'label'   => $label,
		);
	}

	/**
	 * One attribute chosen among the feed's chapters, which may be left unset.
	 *
	 * @param string $attr  The tag's attribute (also the block's).
	 * @param string $label What the editor reads.
	 * @param string $unset What leaving it unset means.
	 * @return array
	 */
	private static function choice( $attr, $label, $unset ) {
		$field          = self::field( $attr, $attr, 'feed:chapters', $label );
		$field['unset'] = $unset;
		return $field;
	}

	/**
	 * One attribute chosen from fixed options ('' keeps the widget's default).
	 *
	 * @param string $attr    The tag's attribute.
	 * @param string $key     The block's attribute.
	 * @param string $label   What the editor reads.
	 * @param array  $options Value => label.
	 * @return array
	 */
	private static function select( $attr, $key, $label, $options ) {
		$field            = self::field( $attr, $key, 'select', $label );
		$field['options'] = $options;
		return $field;
	}
}
