// EnergyForecaster: preparing a new plan a slice at a time while the plan in force goes on forecasting.
namespace RangeGuard.Forecast
{
    public sealed partial class EnergyForecaster
    {
        private RouteProfile _building;
        private RoutePlan _buildPlan;
        private int _buildNext;

        /// <summary>Segments checked and prepared by <see cref="ContinuePlan"/> since start (a test counts the work per pass).</summary>
        public int SegmentsPrepared { get; private set; }

        /// <summary>
        /// Starts preparing a plan into a second route profile (allocated here, and the old one let go when the new plan is in
        /// force: between re-plans the forecaster keeps one; without a plan in force, into its own). Same checks and the same
        /// profile as <see cref="TrySetPlan"/>.
        /// </summary>
        public bool TryBeginPlan(RoutePlan plan, out string error)
        {
            CancelPlan();
            error = PlanValidator.CheckHeader(plan, _profile.Capacity);
            if (error != null)
            {
                return false;
            }

            // A forecaster with no plan in force (a new vehicle's) prepares into its own profile: no second one on the heap.
            _building = _hasPlan ? new RouteProfile(_profile.Capacity) : _profile;
            _building.Count = plan.SegmentCount;
            _buildPlan = plan;
            _buildNext = 0;
            return true;
        }

        public int ContinuePlan(int segments, out string error)
        {
            error = null;
            if (_buildPlan == null)
            {
                error = "no plan is being prepared";
                return IncrementalPlan.Failed;
            }

            int count = _buildPlan.SegmentCount;
            int end = _buildNext + (segments < 1 ? 1 : segments);
            end = end > count ? count : end;
            RouteSegments g = _buildPlan.Segments;
            for (int i = _buildNext; i < end; i++)
            {
                error = PlanValidator.CheckSegment(g, i);
                if (error != null)
                {
                    CancelPlan();
                    return IncrementalPlan.Failed;
                }
            }

            _building.BuildSegments(_buildPlan, _vp, _buildNext, end);
            SegmentsPrepared += end - _buildNext;
            _buildNext = end;
            if (end < count)
            {
                return IncrementalPlan.Building;
            }

            // The profile's total length is the validator's sum (same additions in the same order).
            error = PlanValidator.CheckChargers(_buildPlan, _building.TotalM);
            if (error != null)
            {
                CancelPlan();
                return IncrementalPlan.Failed;
            }

            _profile = _building;
            RoutePlan plan = _buildPlan;
            _building = null;
            _buildPlan = null;
            Install(plan);
            return IncrementalPlan.Done;
        }

        public void CancelPlan()
        {
            _building = null;
            _buildPlan = null;
            _buildNext = 0;
        }
    }
}
