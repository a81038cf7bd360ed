using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RangeGuard.Host.Tests.Portable
{
    /// <summary>One rule broken at one place.</summary>
    public sealed record PortableFinding(string Rule, string File, int Line, string Code)
    {
        public override string ToString() => $"{File}:{Line}: {Rule}: {Code}";
    }

    /// <summary>
    /// Host-side checks for the interpreter divergences a compile cannot see (hardware-docs/portable-code.md), over the
    /// Roslyn syntax tree and semantic model of the portable sources. Each rule is one method; the rule names match the
    /// guide's headings.
    /// </summary>
    public static class PortableSourceChecker
    {
        public const string ArrayDefault = "reference-array-default";
        public const string UnsignedCast = "unsigned-to-signed-cast";
        public const string NegatedNaN = "negated-float-comparison";
        public const string RoundTripFormat = "R-format";
        public const string NulInString = "nul-in-string";

        /// <summary>Checks C# sources given as (name, text); all of them are compiled together for the semantic model.</summary>
        public static IReadOnlyList<PortableFinding> Check(IEnumerable<(string Name, string Text)> sources)
        {
            var options = new CSharpParseOptions(LanguageVersion.CSharp9);
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, s.Name)).ToList();
            var compilation = CSharpCompilation.Create("PortableCheck", trees, PlatformReferences(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var findings = new List<PortableFinding>();
            foreach (var tree in trees)
            {
                var model = compilation.GetSemanticModel(tree);
                var root = tree.GetRoot();
                ReferenceArrays(root, model, findings);
                UnsignedToSignedCasts(root, model, findings);
                NegatedFloatComparisons(root, model, findings);
                RoundTripFormats(root, findings);
                NulInStrings(root, findings);
            }

            return findings;
        }

        /// <summary>Every .cs file under the folders, relative names.</summary>
        public static IEnumerable<(string Name, string Text)> Folders(string root, params string[] folders) =>
            folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                    && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetRelativePath(root, p), File.ReadAllText(p))));

        // new T[n] of a reference type: on nanoCLR the entries of a new string[] (or T[][]) are typed but not null, so code
        // that reads an entry before writing it misbehaves. Accepted: an initializer, or a later for loop in the same
        // member (for a field: in a constructor of the type) that assigns target[...] .
        private static void ReferenceArrays(SyntaxNode root, SemanticModel model, List<PortableFinding> findings)
        {
            foreach (var creation in root.DescendantNodes().OfType<ArrayCreationExpressionSyntax>())
            {
                if (creation.Initializer != null || model.GetTypeInfo(creation).Type is not IArrayTypeSymbol array
                    || !array.ElementType.IsReferenceType)
                {
                    continue;
                }

                string? target = TargetName(creation);
                bool initialised = target != null && Scopes(creation).Any(scope => scope.DescendantNodes()
                    .OfType<ForStatementSyntax>()
                    .Any(loop => (scope != EnclosingMember(creation) || loop.SpanStart > creation.SpanStart)
                        && loop.Statement.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>()
                            .Any(a => a.Left is ElementAccessExpressionSyntax e && NameOf(e.Expression) == target)));
                if (!initialised)
                {
                    findings.Add(Finding(ArrayDefault, creation));
                }
            }
        }

        // (int)someUint, (long)someUlong, (short)ushort, (sbyte)byte: no IL instruction, so on nanoCLR the value keeps its
        // unsigned tag and converts to float (or shifts) as unsigned. checked(...) emits conv.ovf.*.un, which retypes it.
        private static void UnsignedToSignedCasts(SyntaxNode root, SemanticModel model, List<PortableFinding> findings)
        {
            foreach (var cast in root.DescendantNodes().OfType<CastExpressionSyntax>())
            {
                var to = model.GetTypeInfo(cast.Type).Type?.SpecialType;
                var from = model.GetTypeInfo(cast.Expression).Type?.SpecialType;
                bool sameWidthUnsigned = (to, from) switch
                {
                    (SpecialType.System_SByte, SpecialType.System_Byte) => true,
                    (SpecialType.System_Int16, SpecialType.System_UInt16) => true,
                    (SpecialType.System_Int32, SpecialType.System_UInt32) => true,
                    (SpecialType.System_Int64, SpecialType.System_UInt64) => true,
                    _ => false,
                };
                bool isChecked = cast.Ancestors().OfType<CheckedExpressionSyntax>()
                    .FirstOrDefault()?.IsKind(SyntaxKind.CheckedExpression) == true;
                if (sameWidthUnsigned && !isChecked && model.GetConstantValue(cast.Expression).HasValue == false)
                {
                    findings.Add(Finding(UnsignedCast, cast));
                }
            }
        }

        // !(x >= 0f) as a NaN test: nanoCLR orders NaN above everything, so x >= 0f is true for NaN there and the guard
        // lets it through. Test NaN with float.IsNaN/double.IsNaN first.
        private static void NegatedFloatComparisons(SyntaxNode root, SemanticModel model, List<PortableFinding> findings)
        {
            foreach (var not in root.DescendantNodes().OfType<PrefixUnaryExpressionSyntax>()
                .Where(n => n.IsKind(SyntaxKind.LogicalNotExpression)))
            {
                ExpressionSyntax operand = not.Operand;
                while (operand is ParenthesizedExpressionSyntax p)
                {
                    operand = p.Expression;
                }

                if (operand is BinaryExpressionSyntax b && (b.IsKind(SyntaxKind.LessThanExpression)
                    || b.IsKind(SyntaxKind.LessThanOrEqualExpression) || b.IsKind(SyntaxKind.GreaterThanExpression)
                    || b.IsKind(SyntaxKind.GreaterThanOrEqualExpression))
                    && (IsFloating(model, b.Left) || IsFloating(model, b.Right)))
                {
                    findings.Add(Finding(NegatedNaN, not));
                }
            }
        }

        // ToString("R") throws NotImplementedException on nanoFramework; "{0:R}" likewise.
        private static void RoundTripFormats(SyntaxNode root, List<PortableFinding> findings)
        {
            foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>()
                .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
            {
                string value = literal.Token.ValueText;
                bool formatArgument = (value == "R" || value == "r")
                    && literal.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
                    && call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" };
                if (formatArgument || value.Contains(":R}") || value.Contains(":r}"))
                {
                    findings.Add(Finding(RoundTripFormat, literal));
                }
            }
        }

        // nanoFramework strings are NUL-terminated: "a\0b" is "a" on the device.
        private static void NulInStrings(SyntaxNode root, List<PortableFinding> findings)
        {
            foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)
                || t.IsKind(SyntaxKind.InterpolatedStringTextToken)))
            {
                if (token.ValueText.Contains('\0'))
                {
                    findings.Add(new PortableFinding(NulInString, token.SyntaxTree?.FilePath ?? "",
                        token.GetLocation().GetLineSpan().StartLinePosition.Line + 1, token.Text));
                }
            }
        }

        private static bool IsFloating(SemanticModel model, ExpressionSyntax e)
        {
            var t = model.GetTypeInfo(e).ConvertedType?.SpecialType;
            return t == SpecialType.System_Single || t == SpecialType.System_Double;
        }

        /// <summary>The variable or field the new array is stored in, if any.</summary>
        private static string? TargetName(ArrayCreationExpressionSyntax creation)
        {
            SyntaxNode? parent = creation.Parent;
            while (parent is ParenthesizedExpressionSyntax || parent is CastExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax v } => v.Identifier.ValueText,
                AssignmentExpressionSyntax a when a.Right.Span.Contains(creation.Span) => NameOf(a.Left),
                _ => null,
            };
        }

        private static string? NameOf(ExpressionSyntax e) => e switch
        {
            IdentifierNameSyntax i => i.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } m => m.Name.Identifier.ValueText,
            MemberAccessExpressionSyntax m => m.ToString(),
            _ => null,
        };

        /// <summary>Where the initialising loop may be: the enclosing member, or for a field initializer the type's constructors.</summary>
        private static IEnumerable<SyntaxNode> Scopes(ArrayCreationExpressionSyntax creation)
        {
            var member = EnclosingMember(creation);
            if (member is FieldDeclarationSyntax field && field.Parent is TypeDeclarationSyntax type)
            {
                return type.Members.OfType<ConstructorDeclarationSyntax>();
            }

            return member != null ? new[] { member } : Array.Empty<SyntaxNode>();
        }

        private static SyntaxNode? EnclosingMember(SyntaxNode node) =>
            node.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax && a is not TypeDeclarationSyntax
                || a is LocalFunctionStatementSyntax || a is AnonymousFunctionExpressionSyntax);

        private static PortableFinding Finding(string rule, SyntaxNode node) =>
            new(rule, node.SyntaxTree.FilePath, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                node.ToString().Length > 120 ? node.ToString()[..120] : node.ToString());

        private static IEnumerable<MetadataReference> PlatformReferences() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                    || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => MetadataReference.CreateFromFile(p));
    }
}
