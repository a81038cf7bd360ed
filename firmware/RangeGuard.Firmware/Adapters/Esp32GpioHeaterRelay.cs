using System.Device.Gpio;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// Preconditioning request output: one active-high GPIO driving a MOSFET/relay stage.
    /// Driven low as soon as it is opened; the board's pull-down keeps it off while the ESP32 resets.
    /// Thread-safe, because the loop watchdog switches it off from its own thread.
    /// </summary>
    public sealed class Esp32GpioHeaterRelay : IHeaterRelay
    {
        private readonly GpioPin _pin;
        private readonly object _sync = new object();
        private bool _on;

        public Esp32GpioHeaterRelay(GpioController gpio, int pinNumber)
        {
            _pin = gpio.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(PinValue.Low);
            _on = false;
        }

        public bool IsOn
        {
            get
            {
                lock (_sync)
                {
                    return _on;
                }
            }
        }

        public void SetOn(bool on)
        {
            lock (_sync)
            {
                // Written every time (not only on change) so a glitched output is re-asserted each tick.
                _pin.Write(on ? PinValue.High : PinValue.Low);
                _on = on;
            }
        }
    }
}
