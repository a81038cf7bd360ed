using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>
    /// What an object graph built by the host build of the core would occupy on the nanoFramework managed heap of an
    /// ESP32 (32-bit: every heap block is 12 bytes). Layout rules, each checked on a 32-bit nanoCLR build with
    /// nanoFramework.Runtime.Native.GC.Run deltas (hardware-docs/memory.md):
    /// an object is one header block plus one block per instance field (any type, a long too); a struct stored in a
    /// field or array element is a separate boxed object of (1 + fields) blocks; an array is a 20-byte header plus its
    /// elements (bool/byte 1, char/short 2, int/float 4, long/double 8, anything else a 12-byte block), rounded up to
    /// whole blocks; a string made at run time is 12 + UTF-8 length + 1 bytes, rounded up; a literal (interned on the
    /// host, or one of the device assemblies' literals) points into the assembly and costs one block.
    /// Walks only objects of device types (<see cref="IsDeviceType"/>) plus arrays, strings and a few modelled library
    /// types; references to anything else (fakes, host adapters) are the boundary and not counted.
    /// </summary>
    public sealed class NanoHeapModel
    {
        public const int Block = 12;
        public const int ArrayHeader = 20;
        /// <summary>nanoFramework.System.Text StringBuilder: five fields plus its char chunk.</summary>
        public const int StringBuilderFields = 5;

        /// <summary>A delegate to a static method (measured); one to an instance method also keeps its target.</summary>
        public const int DelegateBytes = 36;

        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<string> _literals;

        /// <param name="deviceLiterals">String literals of the device assemblies: a host string with the same text is
        /// taken to be that literal on the device (e.g. the vehicle presets the host reads from embedded files and the
        /// device build compiles in as constants).</param>
        public NanoHeapModel(IEnumerable<string>? deviceLiterals = null)
        {
            _literals = new HashSet<string>(deviceLiterals ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        }

        /// <summary>Device code: the core and the firmware (RangeGuard.*), not the host adapters (RangeGuard.Host.*), the
        /// benchmark's ports (RangeGuard.Benchmarks.*) nor test fakes.</summary>
        public static bool IsDeviceType(Type t) =>
            t.Namespace != null && t.Namespace.StartsWith("RangeGuard.", StringComparison.Ordinal)
            && !t.Namespace.StartsWith("RangeGuard.Host", StringComparison.Ordinal)
            && !t.Namespace.StartsWith("RangeGuard.Benchmarks", StringComparison.Ordinal);

        /// <summary>Bytes of everything reachable from <paramref name="root"/> not already counted by this model.</summary>
        public int Add(object? root)
        {
            int total = 0;
            var stack = new Stack<object>();
            Push(root, stack);
            while (stack.Count > 0)
            {
                total += Size(stack.Pop(), stack);
            }

            return total;
        }

        /// <summary>Bytes of the static fields of the given types (their values, not already counted). The strings in the
        /// string arrays of a type in <paramref name="literalTexts"/> are left out: the device build compiles them in
        /// while the host reads them from files (the vehicle presets), and tests in the same process register more.</summary>
        public int AddStatics(IEnumerable<Type> types, params Type[] literalTexts)
        {
            int total = 0;
            foreach (Type t in types.Where(t => !t.IsGenericTypeDefinition))
            {
                RuntimeHelpers.RunClassConstructor(t.TypeHandle);
                foreach (FieldInfo f in t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(f => !f.IsLiteral))
                {
                    total += Block; // the static field's own slot
                    object? v = f.GetValue(null);
                    if (literalTexts.Contains(t) && v is string[] texts)
                    {
                        // Not counted at all: on the device they are the assembly's literals (one 12-byte object each
                        // once loaded), and on the host other tests in this process may have registered more.
                        foreach (string? text in texts)
                        {
                            if (text != null)
                            {
                                _seen.Add(text);
                            }
                        }
                    }

                    total += f.FieldType.IsValueType ? StructBytes(f.FieldType, v, null) : Add(v);
                }
            }

            return total;
        }

        public static int RoundUp(int bytes) => (bytes + Block - 1) / Block * Block;

        public int StringBytes(string s) =>
            string.IsInterned(s) != null || _literals.Contains(s) ? Block : RoundUp(Block + Encoding.UTF8.GetByteCount(s) + 1);

        private void Push(object? o, Stack<object> stack)
        {
            if (o != null && _seen.Add(o))
            {
                stack.Push(o);
            }
        }

        private int Size(object o, Stack<object> stack)
        {
            Type t = o.GetType();
            if (o is string s)
            {
                return StringBytes(s);
            }

            if (o is Array a)
            {
                Type e = t.GetElementType()!;
                int bytes = RoundUp(ArrayHeader + a.Length * ElementBytes(e));
                if (!e.IsPrimitive && !e.IsEnum)
                {
                    foreach (object? item in a)
                    {
                        if (e.IsValueType)
                        {
                            bytes += StructBytes(e, item, stack);
                        }
                        else
                        {
                            Push(item, stack);
                        }
                    }
                }

                return bytes;
            }

            if (o is StringBuilder sb)
            {
                return Block * (1 + StringBuilderFields) + RoundUp(ArrayHeader + 2 * sb.Capacity);
            }

            if (t == typeof(object))
            {
                return Block; // lock objects
            }

            if (o is Delegate del)
            {
                Push(del.Target, stack);
                return DelegateBytes;
            }

            if (!IsDeviceType(t))
            {
                if (t.Assembly == typeof(object).Assembly)
                {
                    throw new NotSupportedException("no nanoFramework heap model for " + t.FullName + "; add one to NanoHeapModel");
                }

                return 0; // boundary: fakes and host adapters are not part of the device's heap
            }

            return Block + FieldsBytes(t, o, stack);
        }

        /// <summary>One block per instance field, plus boxed structs, plus what reference fields point to (queued).</summary>
        private int FieldsBytes(Type t, object o, Stack<object>? stack)
        {
            int bytes = 0;
            foreach (FieldInfo f in InstanceFields(t))
            {
                bytes += Block;
                object? v = f.GetValue(o);
                if (f.FieldType.IsValueType && !f.FieldType.IsPrimitive && !f.FieldType.IsEnum)
                {
                    bytes += StructBytes(f.FieldType, v, stack);
                }
                else if (!f.FieldType.IsValueType && stack != null)
                {
                    Push(v, stack);
                }
            }

            return bytes;
        }

        /// <summary>A struct held in a field or array element: its own boxed object on nanoFramework.</summary>
        private int StructBytes(Type t, object? value, Stack<object>? stack)
        {
            if (t.IsPrimitive || t.IsEnum)
            {
                return 0;
            }

            if (t.Assembly == typeof(object).Assembly && t != typeof(DateTime) && t != typeof(TimeSpan))
            {
                throw new NotSupportedException("no nanoFramework heap model for struct " + t.FullName);
            }

            return Block + FieldsBytes(t, value!, stack);
        }

        private static IEnumerable<FieldInfo> InstanceFields(Type t)
        {
            for (Type? c = t; c != null && c != typeof(object) && c != typeof(ValueType); c = c.BaseType)
            {
                foreach (FieldInfo f in c.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    yield return f;
                }
            }
        }

        private static int ElementBytes(Type e)
        {
            if (e.IsEnum)
            {
                e = Enum.GetUnderlyingType(e);
            }

            return Type.GetTypeCode(e) switch
            {
                TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte => 1,
                TypeCode.Char or TypeCode.Int16 or TypeCode.UInt16 => 2,
                TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
                TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => 8,
                _ => Block,
            };
        }
    }
}
