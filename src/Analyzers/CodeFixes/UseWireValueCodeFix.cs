using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Analyzers.Rules;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// TC2004 for a C# enum sent where the declared enum's wire value belongs: appends the generated
/// <c>ToWireValue()</c>, when the enum has one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseWireValueCodeFix)), Shared]
public sealed class UseWireValueCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.AttributeTypeMismatch);

    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.ContainsKey(AttributeTypeMismatchAnalyzer.WireValueProperty))
        {
            return;
        }
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FixHelpers.ExpressionAt(root, diagnostic.Location.SourceSpan) is not { } value
            || !HasWireValue(model, value, context.CancellationToken))
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                "Send the wire value (ToWireValue())",
                cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                equivalenceKey: RuleIds.AttributeTypeMismatch + ".WireValue"),
            diagnostic);
    }

    private static bool HasWireValue(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken) =>
        model.GetTypeInfo(value, cancellationToken).Type is { TypeKind: TypeKind.Enum } type
        && model.LookupSymbols(value.SpanStart, type, "ToWireValue", includeReducedExtensionMethods: true).Any();

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Properties.ContainsKey(AttributeTypeMismatchAnalyzer.WireValueProperty)
                && FixHelpers.ExpressionAt(editor.OriginalRoot, diagnostic.Location.SourceSpan) is { } value
                && HasWireValue(editor.SemanticModel, value, cancellationToken))
            {
                editor.ReplaceNode(value, (current, _) => WireValue((ExpressionSyntax)current));
            }
        }
        return editor.GetChangedDocument();
    }

    private static ExpressionSyntax WireValue(ExpressionSyntax value)
    {
        var receiver = value is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? value.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(value.WithoutTrivia());
        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("ToWireValue")));
        return call.WithTriviaFrom(value);
    }
}
