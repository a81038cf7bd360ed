using System;
using System.Device.Gpio;
using System.Threading;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// Three LEDs, an active buzzer (plain on/off GPIO) and the acknowledge button.
    /// A 125 ms timer renders the patterns: a 2 s frame of 16 slots, one bit per slot, so blinking needs no
    /// allocation and all LEDs blink in phase. Pins are written only when their level changes.
    /// </summary>
    public sealed class Esp32GpioDashboard : IDashboard, IDisposable
    {
        public const int SlotMs = 125;

        private const int SlotCount = 16;

        // Indexed by (int)LedPattern: Off, Steady, SlowBlink (1 Hz, 50 %), FastBlink (4 Hz, 50 %).
        private static readonly int[] LedMasks = new int[] { 0x0000, 0xFFFF, 0x0F0F, 0x5555 };

        // Indexed by (int)BuzzerPattern: Off, Chirp (one 125 ms beep per 2 s), Beep (two per 2 s), Alarm (4 Hz, continuous).
        private static readonly int[] BuzzerMasks = new int[] { 0x0000, 0x0001, 0x0005, 0x5555 };

        private const int GreenBit = 1;
        private const int AmberBit = 2;
        private const int RedBit = 4;
        private const int BuzzerBit = 8;

        private readonly GpioPin _green;
        private readonly GpioPin _amber;
        private readonly GpioPin _red;
        private readonly GpioPin _buzzer;
        private readonly GpioPin _ackButton;
        private readonly Timer _timer;

        // Written by the agent's thread, read by the timer's: single int fields, so no torn reads.
        private int _greenPattern;
        private int _amberPattern;
        private int _redPattern;
        private int _buzzerPattern;

        private int _slot;
        private int _outputs;

        public Esp32GpioDashboard(GpioController gpio, int greenPin, int amberPin, int redPin, int buzzerPin, int ackButtonPin)
        {
            _green = OpenOutput(gpio, greenPin);
            _amber = OpenOutput(gpio, amberPin);
            _red = OpenOutput(gpio, redPin);
            _buzzer = OpenOutput(gpio, buzzerPin);
            _ackButton = gpio.OpenPin(ackButtonPin, PinMode.InputPullUp);
            _timer = new Timer(Render, null, SlotMs, SlotMs);
        }

        /// <summary>Raw level: the button pulls the input to GND, so pressed reads low. The core debounces.</summary>
        public bool IsAckButtonDown
        {
            get { return _ackButton.Read() == PinValue.Low; }
        }

        public void SetLeds(LedPattern green, LedPattern amber, LedPattern red)
        {
            _greenPattern = Index((int)green, LedMasks.Length);
            _amberPattern = Index((int)amber, LedMasks.Length);
            _redPattern = Index((int)red, LedMasks.Length);
        }

        public void SetBuzzer(BuzzerPattern pattern)
        {
            _buzzerPattern = Index((int)pattern, BuzzerMasks.Length);
        }

        public void Dispose()
        {
            _timer.Dispose();
            _green.Write(PinValue.Low);
            _amber.Write(PinValue.Low);
            _red.Write(PinValue.Low);
            _buzzer.Write(PinValue.Low);
        }

        private void Render(object state)
        {
            int bit = 1 << _slot;
            _slot = (_slot + 1) % SlotCount;

            int outputs = 0;
            if ((LedMasks[_greenPattern] & bit) != 0)
            {
                outputs |= GreenBit;
            }

            if ((LedMasks[_amberPattern] & bit) != 0)
            {
                outputs |= AmberBit;
            }

            if ((LedMasks[_redPattern] & bit) != 0)
            {
                outputs |= RedBit;
            }

            if ((BuzzerMasks[_buzzerPattern] & bit) != 0)
            {
                outputs |= BuzzerBit;
            }

            int changed = outputs ^ _outputs;
            if (changed == 0)
            {
                return;
            }

            WriteIfChanged(_green, changed, outputs, GreenBit);
            WriteIfChanged(_amber, changed, outputs, AmberBit);
            WriteIfChanged(_red, changed, outputs, RedBit);
            WriteIfChanged(_buzzer, changed, outputs, BuzzerBit);
            _outputs = outputs;
        }

        private static void WriteIfChanged(GpioPin pin, int changed, int outputs, int mask)
        {
            if ((changed & mask) != 0)
            {
                pin.Write((outputs & mask) != 0 ? PinValue.High : PinValue.Low);
            }
        }

        private static GpioPin OpenOutput(GpioController gpio, int pinNumber)
        {
            GpioPin pin = gpio.OpenPin(pinNumber, PinMode.Output);
            pin.Write(PinValue.Low);
            return pin;
        }

        /// <summary>Unknown enum values render as Off rather than throwing in the timer thread.</summary>
        private static int Index(int value, int count)
        {
            return value >= 0 && value < count ? value : 0;
        }
    }
}
