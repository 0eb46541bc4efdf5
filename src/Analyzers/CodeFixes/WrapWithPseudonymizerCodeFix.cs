using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Analyzers.Rules;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// TC1001: wraps the raw identifier with the pseudonymiser, through the generated helper of the
/// attribute it is sent under (so the domain is the conventions'), adding a pseudonymiser to the
/// class's constructor when none is in reach.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapWithPseudonymizerCodeFix)), Shared]
public sealed class WrapWithPseudonymizerCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.UnpseudonymisedIdentifier);

    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (Target(diagnostic) is not { } target)
        {
            return;
        }
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FixHelpers.ExpressionAt(root, target.Raw) is not { } raw
            || PseudonymizerCall.Plan(model, raw, raw, target.Domain, context.CancellationToken) is not { } call)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                call.Title,
                cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                // One key for every TC1001 fix, so that Fix All (IDE and dotnet format) gathers them all.
                equivalenceKey: RuleIds.UnpseudonymisedIdentifier),
            diagnostic);
    }

    private static PseudonymizeTarget? Target(Diagnostic diagnostic) =>
        diagnostic.Properties.ContainsKey(UnpseudonymisedIdentifierAnalyzer.RedactProperty)
        || !diagnostic.Properties.TryGetValue(PropertyNames.Domain, out var domain) || domain is null
            ? null
            : new PseudonymizeTarget(WrapSpan(diagnostic), WrapSpan(diagnostic), domain);

    /// <summary>A tag list built in a local is reported where the local is sent; the value to wrap is its additional location.</summary>
    private static Microsoft.CodeAnalysis.Text.TextSpan WrapSpan(Diagnostic diagnostic) =>
        diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0].SourceTree == diagnostic.Location.SourceTree
            ? diagnostic.AdditionalLocations[0].SourceSpan
            : diagnostic.Location.SourceSpan;

    private static Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        PseudonymizeEdit.ApplyAsync(document, diagnostics.Select(Target).Where(t => t is not null).Select(t => t!.Value), cancellationToken);
}
