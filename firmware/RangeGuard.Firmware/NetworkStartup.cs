using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;
using RangeGuard.Ports;

namespace RangeGuard.Firmware
{
    /// <summary>Joins Wi-Fi and waits for SNTP time, bounded by a timeout; failure only means "run offline".</summary>
    public static class NetworkStartup
    {
        public static bool TryConnect(string ssid, string password, int timeoutMs, ILogSink log)
        {
            using (CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs))
            {
                // requiresDateTime: true also waits until SNTP has set the clock (DeviceClock follows it).
                bool ok = ssid.Length > 0
                    ? WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, true, 0, timeout.Token)
                    : WifiNetworkHelper.Reconnect(true, 0, timeout.Token);

                if (!ok)
                {
                    // Enums print as numbers on nanoFramework: see NetworkHelperStatus (System.Net) for the names.
                    log.Write("network: not ready, status " + ((int)WifiNetworkHelper.Status).ToString() + "; agent runs offline");
                }

                return ok;
            }
        }
    }
}
