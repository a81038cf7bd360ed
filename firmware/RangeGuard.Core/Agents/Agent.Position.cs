// Agent: route position tracking, distance travelled along the current plan.
using RangeGuard.State;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        /// <summary>Integrates the route position from speed (or, without speed, from the odometer) and feeds it to the forecast inputs.</summary>
        private void AdvancePosition(long now, long dtMs)
        {
            float odo;
            bool odoOk = _state.TryGet(InputId.OdometerKm, now, out odo);
            if (_speedOk)
            {
                _positionM += _inputs.SpeedKmh > 0f ? _inputs.SpeedKmh / 3.6f * dtMs / 1000f : 0f;
            }
            else if (odoOk && _lastOdometerKm >= 0f && odo >= _lastOdometerKm)
            {
                _positionM += (odo - _lastOdometerKm) * 1000f;
            }

            _lastOdometerKm = odoOk ? odo : -1f;
            _inputs.PositionM = _positionM;
        }
    }
}
