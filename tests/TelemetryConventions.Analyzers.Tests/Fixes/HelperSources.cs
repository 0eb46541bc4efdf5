using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using TelemetryConventions.Analyzers.Tests.Infrastructure;

namespace TelemetryConventions.Analyzers.Tests.Fixes;

/// <summary>
/// A code-fix test whose fixed code is compiled too, over the generated API (including the identifier-space
/// helpers such as <c>PseudonymizePatientId</c>) and the real runtime.
/// </summary>
public static class HelperSources
{
    public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> CodeFixTest<TAnalyzer, TCodeFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.AdditionalReferences.AddRange(GeneratedSources.References);
        test.TestState.AdditionalFiles.Add((TestSources.ConventionsPath, TestSources.Conventions));
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.AddRange(GeneratedSources.Standard.Select(g => (g.HintName, SourceText.From(g.Text))));
        }
        return test;
    }
}
