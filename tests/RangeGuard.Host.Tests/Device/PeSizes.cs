using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>
    /// The two tables of a nanoFramework .pe that have 16-bit offsets, computed from a .NET assembly the way the
    /// metadata processor (nanoframework/metadata-processor 3.0.x) builds them:
    /// <list type="bullet">
    /// <item>ByteCode: every method's IL with metadata tokens and long branch offsets shortened to 2 bytes, switch counts
    /// to 1 byte, plus 12 bytes per exception clause and a count byte (its CodeWriter). Matches the real table exactly
    /// for this repository's assemblies (hardware-docs/testing-on-device.md).</item>
    /// <item>Strings: the distinct UTF-8 strings (+1 terminator) of user literals and the names of types, namespaces,
    /// non-constant fields, methods, and of referenced types, members and assemblies outside mscorlib. The processor
    /// takes ~900 well-known names from a table built into the interpreter instead (mscorlib's, and some of ours that
    /// happen to match), so this over-estimates slightly: by 0.6-1.9 % for this repository's assemblies.</item>
    /// </list>
    /// Also reported for reference: the raw IL size and the .NET user-string heap (UTF-16).
    /// </summary>
    public sealed class PeSizes
    {
        public const int TableLimit = 65535;

        public int ByteCode { get; private init; }
        public int Strings { get; private init; }
        public int RawIl { get; private init; }
        public int UserStringHeap { get; private init; }

        public static PeSizes Measure(byte[] image)
        {
            using var pe = new PEReader(new MemoryStream(image));
            MetadataReader md = pe.GetMetadataReader();
            int raw = 0, nano = 0;
            foreach (MethodDefinitionHandle h in md.MethodDefinitions)
            {
                MethodDefinition m = md.GetMethodDefinition(h);
                if (m.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                MethodBodyBlock body = pe.GetMethodBody(m.RelativeVirtualAddress);
                byte[] il = body.GetILBytes() ?? Array.Empty<byte>();
                raw += il.Length;
                nano += NanoCodeSize(il);
                if (body.ExceptionRegions.Length > 0)
                {
                    nano += 1 + 12 * body.ExceptionRegions.Length;
                }
            }

            return new PeSizes
            {
                ByteCode = nano,
                RawIl = raw,
                UserStringHeap = md.GetHeapSize(HeapIndex.UserString),
                Strings = StringTable(md).Sum(s => Encoding.UTF8.GetByteCount(s) + 1),
            };
        }

        private static HashSet<string> StringTable(MetadataReader md)
        {
            var s = new HashSet<string>(StringComparer.Ordinal) { md.GetString(md.GetAssemblyDefinition().Name) };
            for (UserStringHandle h = MetadataTokens.UserStringHandle(1); !h.IsNil; h = md.GetNextHandle(h))
            {
                s.Add(md.GetUserString(h));
            }

            foreach (TypeDefinitionHandle h in md.TypeDefinitions)
            {
                TypeDefinition t = md.GetTypeDefinition(h);
                if (md.GetString(t.Name) != "<Module>")
                {
                    s.Add(md.GetString(t.Name));
                    s.Add(md.GetString(t.Namespace));
                }
            }

            foreach (FieldDefinitionHandle h in md.FieldDefinitions)
            {
                FieldDefinition f = md.GetFieldDefinition(h);
                if ((f.Attributes & FieldAttributes.Literal) == 0 && md.GetString(f.Name) != "value__")
                {
                    s.Add(md.GetString(f.Name)); // constants and enum members do not reach the .pe
                }
            }

            foreach (MethodDefinitionHandle h in md.MethodDefinitions)
            {
                s.Add(md.GetString(md.GetMethodDefinition(h).Name));
            }

            // Names of mscorlib's own types and members: the processor takes (most of) them from its well-known table.
            foreach (TypeReferenceHandle h in md.TypeReferences)
            {
                TypeReference t = md.GetTypeReference(h);
                if (!FromCorlib(md, t))
                {
                    s.Add(md.GetString(t.Name));
                    s.Add(md.GetString(t.Namespace));
                }
            }

            foreach (MemberReferenceHandle h in md.MemberReferences)
            {
                MemberReference m = md.GetMemberReference(h);
                if (!(m.Parent.Kind == HandleKind.TypeReference && FromCorlib(md, md.GetTypeReference((TypeReferenceHandle)m.Parent))))
                {
                    s.Add(md.GetString(m.Name));
                }
            }

            foreach (AssemblyReferenceHandle h in md.AssemblyReferences)
            {
                s.Add(md.GetString(md.GetAssemblyReference(h).Name));
            }

            s.Remove("mscorlib");
            return s;
        }

        private static bool FromCorlib(MetadataReader md, TypeReference t) =>
            t.ResolutionScope.Kind == HandleKind.AssemblyReference
            && md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name) == "mscorlib";

        /// <summary>The user-string literals of an assembly image.</summary>
        public static List<string> Literals(byte[] image)
        {
            using var pe = new PEReader(new MemoryStream(image));
            MetadataReader md = pe.GetMetadataReader();
            var list = new List<string>();
            for (UserStringHandle h = MetadataTokens.UserStringHandle(1); !h.IsNil; h = md.GetNextHandle(h))
            {
                list.Add(md.GetUserString(h));
            }

            return list;
        }

        /// <summary>Size of one method's IL once the metadata processor has rewritten it (tokens/branches 2 bytes).</summary>
        public static int NanoCodeSize(byte[] il)
        {
            int i = 0, size = 0;
            while (i < il.Length)
            {
                int op = il[i++];
                int opLength = 1;
                if (op == 0xFE)
                {
                    op = 0xFE00 | il[i++];
                    opLength = 2;
                }

                int ilOperand = OperandBytes(op, il, i, out int nanoOperand);
                i += ilOperand;
                size += opLength + nanoOperand;
            }

            return size;
        }

        /// <summary>IL operand size of an opcode (ECMA-335 III) and what the processor writes for it.</summary>
        private static int OperandBytes(int op, byte[] il, int at, out int nano)
        {
            switch (op)
            {
                case (>= 0x0E and <= 0x13)                                       // ldarg.s .. stloc.s
                    or 0x1F                                                      // ldc.i4.s
                    or (>= 0x2B and <= 0x37)                                     // short branches
                    or 0xDE                                                      // leave.s
                    or 0xFE12:                                                   // unaligned.
                    nano = 1;
                    return 1;
                case 0x20 or 0x22                                                // ldc.i4, ldc.r4
                    or 0xD0:                                                     // ldtoken: full token kept
                    nano = 4;
                    return 4;
                case 0x21 or 0x23:                                               // ldc.i8, ldc.r8
                    nano = 8;
                    return 8;
                case (>= 0x38 and <= 0x44)                                       // long branches
                    or 0xDD:                                                     // leave
                    nano = 2;
                    return 4;
                case 0x45:                                                       // switch
                    int n = BitConverter.ToInt32(il, at);
                    nano = 1 + 2 * n;
                    return 4 + 4 * n;
                case 0x27 or 0x28 or 0x29 or 0x6F or 0x70 or 0x71 or 0x72 or 0x73 or 0x74   // method/field/type/string tokens
                    or 0x75 or 0x79 or 0x7B or 0x7C or 0x7D or 0x7E or 0x7F or 0x80 or 0x81
                    or 0x8C or 0x8D or 0x8F or 0xA3 or 0xA4 or 0xA5 or 0xC2 or 0xC6
                    or 0xFE06 or 0xFE07 or 0xFE15 or 0xFE16 or 0xFE1C:
                    nano = 2;
                    return 4;
                case >= 0xFE09 and <= 0xFE0E:                                    // ldarg, ldarga, starg, ldloc, ldloca, stloc
                    nano = 2;
                    return 2;
                default:
                    nano = 0;
                    return 0;
            }
        }
    }
}
