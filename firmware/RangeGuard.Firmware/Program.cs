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
using RangeGuard.Messaging.Outbox;
using RangeGuard.Ports;
using RangeGuard.Preconditioning;
using RangeGuard.Runtime;
using RangeGuard.State;
using RangeGuard.Vehicle;

namespace RangeGuard.Firmware
{
    /// <summary>
    /// Composition root and main loop of the ESP32 image. One thread runs the core loop (CAN pump, MQTT commands and outbox,
    /// 1 Hz tick: the same AgentLoop the simulator runs); the dashboard timer, the loop watchdog and the MQTT connect thread
    /// are the only other managed threads. Per-car settings come from I:\rangeguard.cfg (hardware-docs/device-settings.md).
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
                FlashFileStore flash = new FlashFileStore(FlashFileStore.InternalDrive);
                DeviceSettings settings = SettingsFile.Load(flash, s_log);

                // Wi-Fi, then SNTP time (TLS checks certificate dates): bounded; failing only means "start offline".
                NetworkStartup.TryConnect(settings.WifiSsid, settings.WifiPassword, FirmwareSettings.WifiTimeoutMs, s_log);
                DeviceClock clock = new DeviceClock();

                VehicleState state = new VehicleState();
                SignalMap map = SignalMapLoader.Load(VehicleProfile.SignalMapText);
                SignalDispatcher dispatcher = new SignalDispatcher(map, state);

                // Listen-only: the agent never transmits on the vehicle bus.
                Esp32SerialByteLink link = new Esp32SerialByteLink(BoardPins.CanBridgeRx, BoardPins.CanBridgeTx, BoardPins.CanBridgeBaud);
                SlcanBridge bridge = new SlcanBridge(link);
                bridge.Sja1000Filtering = settings.CanFilterSja1000; // the loop gives it the mapped ids before it opens

                VehicleParams vehicle = VehicleProfile.CreateVehicleParams();
                EnergyForecaster forecaster = new EnergyForecaster(vehicle, settings.RouteSegments);
                AgentConfig config = new AgentConfig();
                config.VehicleId = settings.VehicleId;
                config.Thermal = PackThermalParams.From(vehicle);
                Agent agent = new Agent(config, clock, state, forecaster, dashboard, s_heater, s_log);

                AgentLoop loop = new AgentLoop(bridge, dispatcher, agent, Messaging(settings, flash, clock), clock, FirmwareSettings.TickPeriodMs);
                bridge.Open(FirmwareSettings.CanBitrateCode, true, false);
                DeviceState saved = new DeviceState(flash);
                s_log.Write("restored: " + saved.Restore(loop));
                loop.Messaging.Commands.RouteApplied = saved.RouteApplied;
                M2MqttLink mqtt = loop.Messaging.Link as M2MqttLink;
                if (mqtt != null)
                {
                    mqtt.Start(); // its own thread: connects, reconnects with backoff; the loop never waits for it
                }

                LoopWatchdog watchdog = new LoopWatchdog(FirmwareSettings.WatchdogStallMs, FirmwareSettings.WatchdogRebootMs, s_heater, agent.SafeOff, s_log);
                watchdog.Start();
                s_log.Write("RangeGuard running as " + settings.VehicleId + (mqtt == null ? " (no broker set: offline)" : " to " + settings.BrokerHost));
                Run(loop, watchdog, saved);
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

        /// <summary>The outbox over the flash alert store, and the M2Mqtt link when a broker is set.</summary>
        private static AgentMessaging Messaging(DeviceSettings s, FlashFileStore flash, IClock clock)
        {
            MqttTopics topics = new MqttTopics(s.TopicPrefix, s.VehicleId);
            MessageOutbox outbox = new MessageOutbox(s.OutboxMessages, s.OutboxChars, new AlertStore(flash), clock);
            outbox.AlertTopic = topics.Alerts;
            int reloaded = outbox.Open();
            s_log.Write("outbox: " + reloaded.ToString() + " unsent alerts reloaded, next seq " + outbox.NextAlertSeq.ToString());
            M2MqttLink link = null;
            if (s.BrokerHost.Length > 0)
            {
                byte[] ca = s.BrokerTls ? SettingsFile.ReadAll(flash, s.CaFile) : null;
                if (s.BrokerTls && ca == null)
                {
                    s_log.Write("mqtt: TLS needs I:\\" + s.CaFile + " (the broker's CA, PEM); running offline");
                }
                else
                {
                    try
                    {
                        link = new M2MqttLink(s.BrokerHost, s.BrokerPort, ca, SettingsFile.ReadAll(flash, s.ClientCertFile), SettingsFile.ReadAll(flash, s.ClientKeyFile),
                            s.VehicleId, s.EffectiveUser, s.BrokerPassword, topics.Status, MqttContract.LastWill, new string[] { topics.CommandFilter }, s_log);
                    }
                    catch (Exception ex)
                    {
                        // A certificate or key mbedTLS cannot parse: a reboot would not fix the file, so run offline (alerts
                        // still queue in flash) instead of failing start-up into a reboot loop.
                        s_log.Write("mqtt: certificate files unusable (" + ex.Message + "); running offline");
                    }
                }
            }

            return new AgentMessaging(topics, outbox, link, new Esp32DeviceInfo(FirmwareSettings.Version), s.RouteSegments, s.RouteChargers);
        }

        /// <summary>The core loop (the same one the simulator runs) on monotonic time: ticks must not follow wall-clock steps.</summary>
        private static void Run(AgentLoop loop, LoopWatchdog watchdog, DeviceState saved)
        {
            while (true)
            {
                watchdog.Beat();
                try
                {
                    long now = Environment.TickCount64;
                    bool busy = loop.RunOnce(now);
                    saved.Update(now, loop.Agent); // learned state and position: at most every 5 minutes, when changed
                    if (!busy)
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
