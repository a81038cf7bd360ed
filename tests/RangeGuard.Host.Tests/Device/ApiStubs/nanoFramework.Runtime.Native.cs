namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw null;
        public static void EnableGCMessages(bool enable) => throw null;
    }

    public static class Power
    {
        public static void RebootDevice(int exclusiveTimeout = 0) => throw null;
    }
}
