<?php
/**
 * The text printed inside each widget's tag from the feed, so the content reads without
 * JavaScript and for search engines. The widget replaces it once it runs.
 *
 * @package SolidarityWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Plain HTML versions of the widgets, every text escaped.
 */
class Solidarity_Widgets_Fallback {

	/** Chapters listed at most, so a federation's thousands do not weigh down the page. */
	const MAX_CHAPTERS = 200;

	/**
	 * The fallback HTML for one widget; '' without a feed.
	 *
	 * @param string     $name   The widget's key in the catalog.
	 * @param array      $values Tag attribute name => value.
	 * @param array|null $feed   The feed.
	 * @return string
	 */
	public static function html( $name, $values, $feed ) {
		if ( ! is_array( $feed ) ) {
			return '';
		}
		$lang = trim( (string) ( $values['lang'] ?? '' ) );
		$lang = '' === $lang ? Solidarity_Widgets_Options::site_lang() : $lang;
		$pick = static function ( $text ) use ( $lang ) {
			return self::translation( $text, $lang );
		};
		switch ( $name ) {
			case 'platform':
				return self::platform( self::items( $feed, 'platform' ), $pick, $values );
			case 'plank':
				return self::titled( self::find( self::items( $feed, 'platform' ), $values['plank'] ?? '' ), 'summary', $pick );
			case 'petition':
				return self::titled( self::find( self::items( $feed, 'petitions' ), $values['petition'] ?? '' ), 'body', $pick );
			case 'donate':
				$org   = self::web_address( $feed['org']['url'] ?? '' );
				$label = esc_html__( 'Donate', 'solidarity-widgets' );
				// The widget takes this text as its button's label: keep it one word.
				return '' === $org ? $label : '<a href="' . $org . '">' . $label . '</a>';
			case 'chapters':
				return self::chapters( self::items( $feed, 'chapters' ), $pick );
			case 'events':
				return Solidarity_Widgets_Event_Fallback::events( self::items( $feed, 'events' ), $pick, $values );
			case 'join':
				$join = isset( $feed['join'] ) && is_array( $feed['join'] ) ? $feed['join'] : null;
				return self::titled( $join, 'body', $pick );
		}
		return '';
	}

	/**
	 * A text of the feed in a language: exact tag, then primary subtag, then the first one.
	 *
	 * @param mixed  $text A string or an object of translations.
	 * @param string $lang A BCP 47 tag.
	 * @return string
	 */
	public static function translation( $text, $lang ) {
		if ( is_string( $text ) ) {
			return $text;
		}
		if ( ! is_array( $text ) || empty( $text ) ) {
			return '';
		}
		$primary = strtolower( explode( '-', $lang )[0] );
		foreach ( array( strtolower( $lang ), $primary ) as $wanted ) {
			foreach ( $text as $tag => $value ) {
				if ( strtolower( (string) $tag ) === $wanted && is_string( $value ) ) {
					return $value;
				}
			}
		}
		$first = reset( $text );
		return is_string( $first ) ? $first : '';
	}

	/**
	 * A list of the feed (platform, petitions, chapters, events), only its objects.
	 *
	 * @param array  $feed The feed.
	 * @param string $key  The list's key.
	 * @return array[]
	 */
	public static function items( $feed, $key ) {
		$list = isset( $feed[ $key ] ) && is_array( $feed[ $key ] ) ? $feed[ $key ] : array();
		if ( isset( $list['features'] ) && is_array( $list['features'] ) ) {
			$list = array_map(
				static function ( $feature ) {
					return is_array( $feature ) && isset( $feature['properties'] ) ? $feature['properties'] : null;
				},
				$list['features']
			);
		}
		return array_values( array_filter( $list, 'is_array' ) );
	}

	/**
	 * The item whose id (then number) is the one asked for.
	 *
	 * @param array[] $items The list.
	 * @param string  $id    An id or a number.
	 * @return array|null
	 */
	private static function find( $items, $id ) {
		foreach ( array( 'id', 'number' ) as $key ) {
			foreach ( $items as $item ) {
				if ( isset( $item[ $key ] ) && (string) $item[ $key ] === (string) $id ) {
					return $item;
				}
			}
		}
		return null;
	}

	/**
	 * Plain text of the feed's rich text: paragraphs, markup marks left out.
	 *
	 * @param string $text Feed rich text.
	 * @return string
	 */
	private static function paragraphs( $text ) {
		$html = '';
		foreach ( preg_split( '/\n\s*\n/', trim( $text ) ) as $paragraph ) {
			$plain = preg_replace( '/\[([^\]]*)\]\([^)]*\)/', '$1', $paragraph );
			$plain = trim( str_replace( array( '*', "\n- " ), array( '', "\n" ), $plain ) );
			if ( '' !== $plain ) {
				$html .= '<p>' . nl2br( esc_html( ltrim( $plain, '- ' ) ) ) . '</p>';
			}
		}
		return $html;
	}

	/**
	 * The platform as a numbered list of titles and summaries.
	 *
	 * @param array[]  $planks The planks.
	 * @param callable $pick   Picks a translation.
	 * @param array    $values Tag attribute name => value (tags, limit).
	 * @return string
	 */
	private static function platform( $planks, $pick, $values ) {
		$tags  = array_filter( array_map( 'trim', explode( ',', (string) ( $values['tags'] ?? '' ) ) ) );
		$limit = isset( $values['limit'] ) ? absint( $values['limit'] ) : 0;
		$items = '';
		$count = 0;
		foreach ( $planks as $plank ) {
			$plank_tags = isset( $plank['tags'] ) && is_array( $plank['tags'] ) ? $plank['tags'] : array();
			if ( $tags && ! array_intersect( $tags, $plank_tags ) ) {
				continue;
			}
			if ( $limit && $count >= $limit ) {
				break;
			}
			++$count;
			$items .= '<li><strong>' . esc_html( $pick( $plank['title'] ?? '' ) ) . '</strong> '
				. esc_html( $pick( $plank['summary'] ?? '' ) ) . '</li>';
		}
		return '' === $items ? '' : '<ol>' . $items . '</ol>';
	}

	/**
	 * A plank or petition: its title, then its text (`summary` or `body`); '' when not found.
	 *
	 * @param array|null $item The item.
	 * @param string     $text Which text to print.
	 * @param callable   $pick Picks a translation.
	 * @return string
	 */
	private static function titled( $item, $text, $pick ) {
		if ( null === $item ) {
			return '';
		}
		return '<p><strong>' . esc_html( $pick( $item['title'] ?? '' ) ) . '</strong></p>'
			. self::paragraphs( $pick( $item[ $text ] ?? '' ) );
	}

	/**
	 * An http(s) address from the feed, escaped for an attribute; '' for anything else.
	 *
	 * @param mixed $url The feed's value.
	 * @return string
	 */
	private static function web_address( $url ) {
		return is_string( $url ) ? esc_url( $url, array( 'http', 'https' ) ) : '';
	}

	/**
	 * Whether a value is a non-empty string.
	 *
	 * @param mixed $value The value.
	 * @return bool
	 */
	public static function is_text( $value ) {
		return is_string( $value ) && '' !== trim( $value );
	}

	/**
	 * The chapters as a list: name, place, link.
	 *
	 * @param array[]  $chapters The chapters.
	 * @param callable $pick     Picks a translation.
	 * @return string
	 */
	private static function chapters( $chapters, $pick ) {
		$items = '';
		foreach ( array_slice( $chapters, 0, self::MAX_CHAPTERS ) as $chapter ) {
			$parts  = array( $chapter['city'] ?? '', $chapter['region'] ?? '', $chapter['country'] ?? '' );
			$place  = implode( ', ', array_filter( $parts, array( self::class, 'is_text' ) ) );
			$name   = esc_html( $pick( $chapter['name'] ?? '' ) );
			$url    = self::web_address( $chapter['url'] ?? '' );
			$items .= '<li>' . ( '' === $url ? $name : '<a href="' . $url . '">' . $name . '</a>' )
				. ( '' === $place ? '' : ' (' . esc_html( $place ) . ')' ) . '</li>';
		}
		return '' === $items ? '' : '<ul>' . $items . '</ul>';
	}
}
