using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Analyzers.Rules;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// TC2009: <c>logger.LogInformation("Record of {PatientId} read", id)</c> becomes
/// <c>logger.LogRecordAccessedEvent(patientId: pseudonymizer.PseudonymizePatientId(id))</c>, the
/// generated method of the event, with each value as a named argument. A raw identifier for a
/// <c>Pseudonym</c> parameter is wrapped in the attribute's generated helper when a pseudonymiser is
/// in reach; otherwise, or when the value already looks pseudonymised, no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseGeneratedLogEventCodeFix)), Shared]
public sealed class UseGeneratedLogEventCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.LogCallMatchesEvent);

    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(root, model, diagnostic, context.CancellationToken) is not { } plan)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use the generated {plan.MethodName}",
                cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                equivalenceKey: RuleIds.LogCallMatchesEvent),
            diagnostic);
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var imports = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(editor.OriginalRoot, editor.SemanticModel, diagnostic, cancellationToken) is not { } plan)
            {
                continue;
            }
            imports.UnionWith(plan.Imports);
            editor.ReplaceNode(plan.Call, plan.Replacement.WithTriviaFrom(plan.Call));
        }
        var changed = FixHelpers.WithUsings(editor.GetChangedRoot(), imports);
        return await Formatter.FormatAsync(document.WithSyntaxRoot(changed), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The generated call for the diagnostic's log call, or null when a value cannot be carried over safely.</summary>
    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Location.SourceTree != root.SyntaxTree
            || !diagnostic.Properties.TryGetValue(LogCallMatchesEventAnalyzer.MethodProperty, out var methodName) || methodName is null
            || !diagnostic.Properties.TryGetValue(LogCallMatchesEventAnalyzer.ParametersProperty, out var parameterList) || parameterList is null)
        {
            return null;
        }
        var call = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        // logger?.LogInformation(…) has no receiver expression to call the extension method on.
        if (call is null || call.Span != diagnostic.Location.SourceSpan || call.Expression is not MemberAccessExpressionSyntax
            || model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation
            || LogTemplateUses.FromExtensionCall(invocation) is not { } use
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.Syntax is not ExpressionSyntax logger)
        {
            return null;
        }
        var parameters = parameterList.Split(',');
        var pseudonymize = diagnostic.Properties.TryGetValue(LogCallMatchesEventAnalyzer.PseudonymizeProperty, out var positions) && positions is { Length: > 0 }
            ? new HashSet<int>(positions.Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)))
            : new HashSet<int>();
        if (parameters.Length != use.Placeholders.Count)
        {
            return null;
        }
        var imports = new List<string>();
        var arguments = new List<ArgumentSyntax>();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (use.Placeholders[i].Value is not { } value || FixHelpers.ExpressionAt(root, value.Location.SourceSpan) is not { } expression)
            {
                return null;
            }
            var argument = expression.WithoutTrivia();
            if (pseudonymize.Contains(i))
            {
                if (LooksPseudonymised(model, expression, cancellationToken)
                    || PseudonymizerCall.Plan(model, expression, expression, domain: "", cancellationToken) is not { Added: null, Helper: { } helper } pseudonymizer
                    || GeneratedLogEvent.Compact(helper.AttributeName) != GeneratedLogEvent.Compact(parameters[i]))
                {
                    return null;
                }
                argument = pseudonymizer.Build(model, expression, argument, cancellationToken);
                if (pseudonymizer.NamespaceToImport(model, call.SpanStart) is { } helperNamespace)
                {
                    imports.Add(helperNamespace);
                }
            }
            arguments.Add(SyntaxFactory.Argument(argument).WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameters[i]))));
        }
        // A call at another level than the event's keeps its level.
        if (diagnostic.Properties.TryGetValue(LogCallMatchesEventAnalyzer.LevelProperty, out var level) && level is { Length: > 0 })
        {
            ExpressionSyntax levelValue;
            if (level == LogCallMatchesEventAnalyzer.LevelOfTheCall)
            {
                if (invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "logLevel")?.Value.Syntax is not ExpressionSyntax computed)
                {
                    return null;
                }
                levelValue = computed.WithoutTrivia();
            }
            else
            {
                levelValue = SyntaxFactory.ParseExpression("LogLevel." + level);
                imports.Add("Microsoft.Extensions.Logging");
            }
            arguments.Add(SyntaxFactory.Argument(levelValue).WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName("level"))));
        }
        if (MethodNamespaceToImport(model, logger, methodName, call.SpanStart, cancellationToken) is { } eventsNamespace)
        {
            imports.Add(eventsNamespace);
        }
        var receiver = logger is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ThisExpressionSyntax
            ? logger.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(logger.WithoutTrivia());
        var replacement = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(methodName)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return new FixPlan(call, replacement, methodName, imports);
    }

    /// <summary>The namespace of the generated method, when the call site does not see it yet.</summary>
    private static string? MethodNamespaceToImport(SemanticModel model, ExpressionSyntax logger, string methodName, int position, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(logger, cancellationToken).Type is not { } loggerType
            || model.LookupSymbols(position, loggerType, methodName, includeReducedExtensionMethods: true).Any())
        {
            return null;
        }
        var method = model.Compilation.GetSymbolsWithName(methodName, SymbolFilter.Member, cancellationToken)
            .OfType<IMethodSymbol>()
            .FirstOrDefault(m => m.ContainingType is { } container && GeneratedLogEvents.IsEventsContainer(container));
        return method?.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;
    }

    /// <summary>
    /// A value computed by a pseudonymiser (<c>pseudonymizer.ComputePatientId(id)</c>, or a local set
    /// from one) is pseudonym text already: wrapping it again would pseudonymise the pseudonym.
    /// </summary>
    private static bool LooksPseudonymised(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        if (IsPseudonymizerCall(model, value, cancellationToken))
        {
            return true;
        }
        if (model.GetSymbolInfo(value, cancellationToken).Symbol is ILocalSymbol local)
        {
            return local.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<VariableDeclaratorSyntax>()
                .Any(d => d.Initializer?.Value is { } initializer && IsPseudonymizerCall(model, initializer, cancellationToken));
        }
        return false;
    }

    private static bool IsPseudonymizerCall(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        while (value is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized.Expression;
        }
        if (value is not InvocationExpressionSyntax || model.GetSymbolInfo(value, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }
        var receiverType = method.ReducedFrom?.Parameters[0].Type ?? method.ReceiverType;
        return receiverType?.Name == "Pseudonymizer" || method.ContainingType?.Name is "Pseudonymizer" or IdentifierSpaceHelpers.ContainerName;
    }

    private sealed class FixPlan
    {
        public FixPlan(InvocationExpressionSyntax call, ExpressionSyntax replacement, string methodName, List<string> imports)
        {
            Call = call;
            Replacement = replacement;
            MethodName = methodName;
            Imports = imports;
        }

        public InvocationExpressionSyntax Call { get; }

        public ExpressionSyntax Replacement { get; }

        public string MethodName { get; }

        public List<string> Imports { get; }
    }
}
