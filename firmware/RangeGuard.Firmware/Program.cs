using System;
using System.Device.Gpio;
using System.Threading;
using nanoFramework.Runtime.Native;
using RangeGuard.Agents;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Firmware.Adapters;
using RangeGuard.Forecast;
using RangeGuard.Messaging;
using RangeGuard.Ports;
using RangeGuard.Preconditioning;
using RangeGuard.Runtime;
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
                config.Thermal = PackThermalParams.From(vehicle);
                Agent agent = new Agent(config, clock, state, forecaster, dashboard, s_heater, s_log);
                RamOutbox outbox = new RamOutbox(FirmwareSettings.OutboxCapacity);
                AgentLoop loop = new AgentLoop(bridge, dispatcher, agent, new AgentPublisher(agent, outbox), clock, FirmwareSettings.TickPeriodMs);

                LoopWatchdog watchdog = new LoopWatchdog(FirmwareSettings.WatchdogStallMs, FirmwareSettings.WatchdogRebootMs, s_heater, agent.SafeOff, s_log);
                watchdog.Start();
                s_log.Write("RangeGuard running");
                Run(loop, watchdog);
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

        /// <summary>The core loop (the same one the simulator runs) on monotonic time: ticks must not follow wall-clock steps.</summary>
        private static void Run(AgentLoop loop, LoopWatchdog watchdog)
        {
            while (true)
            {
                watchdog.Beat();
                try
                {
                    if (!loop.RunOnce(Environment.TickCount64))
                    {
                        Thread.Sleep(IdleSleepMs); // nothing buffered: give the timer and network threads the CPU
                    }
                }
                catch (Exception ex)
                {
                    SafeOff(loop.Agent);
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
