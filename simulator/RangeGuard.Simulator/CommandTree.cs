using System.CommandLine;

namespace RangeGuard.Simulator
{
    /// <summary>The rangeguard command line. Each verb adds itself here.</summary>
    public static class CommandTree
    {
        public static RootCommand Build()
        {
            var root = new RootCommand("RangeGuard: EV range-warning agent simulator and host tools.");
            return root;
        }
    }
}
