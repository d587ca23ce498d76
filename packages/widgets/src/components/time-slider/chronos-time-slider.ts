// Registers <chronos-time-slider>. The only side effect of importing this module.
import { ChronosTimeSlider } from './time-slider.ts';

ChronosTimeSlider.define('chronos-time-slider');

declare global {
  interface HTMLElementTagNameMap {
    'chronos-time-slider': ChronosTimeSlider;
  }
}

export { ChronosTimeSlider };
