using RangeGuard.Agents;
using RangeGuard.Common;
using RangeGuard.Messaging.Commands;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Ports;

namespace RangeGuard.Runtime
{
    /// <summary>
    /// What the car keeps across reboots besides its unsent alerts: the last cmd/route applied (its payload as received,
    /// saved at once) and what it learned with its position on that route (saved when it changed, at most every
    /// <see cref="SaveEveryMs"/>). Both in <see cref="StateSlots"/> (a save cut short falls back to the previous copy).
    /// At boot <see cref="Restore"/> applies the route through the same parser and checks as a received command (no result
    /// is published), then the learned state and the position when they belong to that route.
    /// </summary>
    public sealed class DeviceState
    {
        public const string RouteName = "rgroute";
        public const string LearnedName = "rglearn";
        public const long SaveEveryMs = 300000;

        private readonly StateSlots _route;
        private readonly StateSlots _learned;
        private long _lastSaveMs = long.MinValue;
        private string _lastSaved;
        private string _routeId = string.Empty;

        public DeviceState(IFileStore files)
        {
            _route = new StateSlots(files, RouteName, CommandParser.MaxRouteBytes);
            _learned = new StateSlots(files, LearnedName, 1024);
        }

        /// <summary>Storage errors since boot (the car goes on; what could not be saved is lost at the next reboot).</summary>
        public int Errors { get; private set; }

        public int Saves { get; private set; }

        /// <summary>Restores the route, then the learned state and the position; returns what it found, for the log.</summary>
        public string Restore(AgentLoop loop)
        {
            string found = "no stored route";
            try
            {
                int length;
                byte[] route = _route.Load(out length);
                if (route != null)
                {
                    string id = null;
                    bool ok = loop.Messaging != null && loop.Messaging.Commands.ApplyStored("route", route, length, out id);
                    _routeId = ok ? id : string.Empty;
                    found = ok ? "route " + id : "stored route refused";
                }

                byte[] learned = _learned.Load(out length);
                if (learned != null)
                {
                    found += RestoreLearned(loop.Agent, Utf8Text.Decode(learned, 0, length, new char[length + 1]));
                }
            }
            catch (System.Exception ex)
            {
                Errors++;
                found += "; storage error: " + ex.Message;
            }

            return found;
        }

        /// <summary>A route was applied (the command handler calls this): stored at once.</summary>
        public void RouteApplied(byte[] payload, int length, string requestId)
        {
            try
            {
                _route.Save(payload, length);
                _routeId = requestId;
                Saves++;
            }
            catch (System.Exception)
            {
                Errors++;
            }
        }

        /// <summary>Call every loop pass with a monotonic time: saves the learned state when due and changed.</summary>
        public void Update(long monotonicMs, Agent agent)
        {
            if (_lastSaveMs != long.MinValue && monotonicMs - _lastSaveMs < SaveEveryMs)
            {
                return;
            }

            _lastSaveMs = monotonicMs;
            string learned = LearnedState.Save(agent.Forecaster);
            if (learned == null)
            {
                return;
            }

            // "route id", "position m", learned state: one line each.
            string text = _routeId + "\n" + ((long)agent.PositionM).ToString() + "\n" + learned;
            if (text == _lastSaved)
            {
                return;
            }

            byte[] bytes = new byte[text.Length * 3];
            int n = Utf8Text.Encode(text, bytes, 0);
            try
            {
                _learned.Save(bytes, n);
                _lastSaved = text;
                Saves++;
            }
            catch (System.Exception)
            {
                Errors++;
            }
        }

        private string RestoreLearned(Agent agent, string text)
        {
            string[] lines = text.Split('\n');
            if (lines.Length < 3)
            {
                return "; learned state unreadable";
            }

            string result = LearnedState.TryLoad(agent.Forecaster, lines[2]) ? "; learned state" : "; learned state refused";
            long pos;
            if (lines[0].Length > 0 && lines[0] == _routeId && agent.Trip.PlanSet && TextNumber.TryParseLong(lines[1], out pos) && pos >= 0)
            {
                agent.Trip.PositionM = pos;
                result += "; position " + lines[1] + " m";
            }

            _lastSaved = text;
            return result;
        }
    }
}
