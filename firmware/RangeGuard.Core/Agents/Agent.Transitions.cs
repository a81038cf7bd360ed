// Agent: taking the tick's alert transitions from the table (for publishers and the simulator) and logging raises.
using RangeGuard.Alerts;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        private void TakeTransitions()
        {
            int kind, ev;
            while (_alerts.TryDequeue(out kind, out ev))
            {
                _transitions.Add(kind, ev);
                if (ev == AlertEvent.Raised || ev == AlertEvent.Worsened)
                {
                    AlertSlot s = _alerts.Slot(kind);
                    _log.Write(s.Code + " " + AlertEvent.Name(ev) + ": " + s.Text);
                }
            }
        }
    }
}
