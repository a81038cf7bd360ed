using System;
using System.Device.Gpio;
using System.Threading;
using nanoFramework.Runtime.Native;
using RangeGuard.Agents;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Firmware.Adapters;
using RangeGuard.Forecast;
using RangeGuard.Ports;
using RangeGuard.State;
using RangeGuard.Vehicle;

namespace RangeGuard.Firmware
{
    /// <summary>
    /// Composition root and main loop of the ESP32 image. One thread pumps CAN bytes continuously and ticks the
    /// agent every second; the dashboard timer and the loop watchdog are the only other managed threads.
    /// </summary>
    public static class Program
    {
            private const int IdleSleepMs = 2;
        private const int ErrorBackoffMs = 50;

        private static Esp32GpioHeaterRelay s_heater;
        private static ILogSink s_log;

        public static void Main()
        {
            s_log = new DebugLogSink();
            GpioController gpio = new GpioController();

            // The relay first: the preconditioning request is off before anything else can fail.
            s_heater = new Esp32GpioHeaterRelay(gpio, BoardPins.HeaterRelay);
            try
            {
                Esp32GpioDashboard dashboard = new Esp32GpioDashboard(gpio, BoardPins.LedGreen, BoardPins.LedAmber, BoardPins.LedRed, BoardPins.Buzzer, BoardPins.AckButton);
                NetworkStartup.TryConnect(FirmwareSettings.WifiSsid, FirmwareSettings.WifiPassword, FirmwareSettings.WifiTimeoutMs, s_log);
                DeviceClock clock = new DeviceClock();

                VehicleState state = new VehicleState();
                SignalMap map = SignalMapLoader.Load(VehicleProfile.SignalMapText);
                SignalDispatcher dispatcher = new SignalDispatcher(map, state);

                // Listen-only: the agent never transmits on the vehicle bus.
                Esp32SerialByteLink link = new Esp32SerialByteLink(BoardPins.CanBridgeRx, BoardPins.CanBridgeTx, BoardPins.CanBridgeBaud);
                SlcanBridge bridge = new SlcanBridge(link);
                bridge.Open(FirmwareSettings.CanBitrateCode, true, false);

                VehicleParams vehicle = VehicleProfile.CreateVehicleParams();
                EnergyForecaster forecaster = new EnergyForecaster(vehicle, FirmwareSettings.RouteSegmentCapacity);
                AgentConfig config = new AgentConfig();
                config.VehicleId = FirmwareSettings.VehicleId;
                config.Thermal = VehicleProfile.CreateThermalParams(vehicle);
                RamOutbox outbox = new RamOutbox(FirmwareSettings.OutboxCapacity);
                Agent agent = new Agent(config, clock, state, forecaster, dashboard, s_heater, outbox, s_log);

                LoopWatchdog watchdog = new LoopWatchdog(FirmwareSettings.WatchdogStallMs, FirmwareSettings.WatchdogRebootMs, s_heater, agent.SafeOff, s_log);
                watchdog.Start();
                s_log.Write("RangeGuard running");
                Run(agent, bridge, dispatcher, clock, watchdog);
            }
            catch (Exception ex)
            {
                // Start-up failed (pin, UART, profile): stay safe, then retry from a clean boot.
                s_heater.SetOn(false);
                s_log.Write("start-up failed: " + ex.Message);
                Thread.Sleep(10000);
                Power.RebootDevice();
            }
        }

        private static void Run(Agent agent, SlcanBridge bridge, SignalDispatcher dispatcher, IClock clock, LoopWatchdog watchdog)
        {
            long nextTickMs = Environment.TickCount64; // monotonic: ticks must not follow wall-clock steps
            while (true)
            {
                watchdog.Beat();
                try
                {
                    // Frames go straight into the vehicle state, stamped with the agent clock; nothing is allocated per frame.
                    int count = bridge.Poll(clock.UtcMilliseconds, dispatcher);
                    agent.SampleAckButton();

                    long monotonicMs = Environment.TickCount64;
                    if (monotonicMs >= nextTickMs)
                    {
                        agent.Tick();
                        nextTickMs += FirmwareSettings.TickPeriodMs;
                        if (nextTickMs <= monotonicMs)
                        {
                            nextTickMs = monotonicMs + FirmwareSettings.TickPeriodMs; // a whole period late: skip, do not burst
                        }
                    }
                    else if (count == 0)
                    {
                        Thread.Sleep(IdleSleepMs); // nothing buffered: give the timer and network threads the CPU
                    }
                }
                catch (Exception ex)
                {
                    SafeOff(agent);
                    s_log.Write("loop error, outputs safe: " + ex.Message);
                    Thread.Sleep(ErrorBackoffMs);
                }
            }
        }

        private static void SafeOff(Agent agent)
        {
            try
            {
                agent.SafeOff();
            }
            catch (Exception)
            {
                // The agent may be what failed; the relay below does not depend on it.
            }

            s_heater.SetOn(false);
        }
    }
}
