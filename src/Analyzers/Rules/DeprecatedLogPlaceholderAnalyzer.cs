using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2007: a log message template whose placeholder names a deprecated attribute, in a
/// <c>logger.Log…("…{HttpMethod}…")</c> call, a <c>LoggerMessage.Define</c> template or a
/// <c>[LoggerMessage]</c> method. Structured logging providers turn placeholders into attributes,
/// so the old name reaches the backend as surely as through <c>SetTag</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeprecatedLogPlaceholderAnalyzer : DiagnosticAnalyzer
{
    private const string LoggingNamespace = "Microsoft.Extensions.Logging";

    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.DeprecatedLogPlaceholder,
        "Log placeholder names a deprecated attribute",
        "Placeholder '{0}' names the deprecated attribute '{1}'{2}",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Warning,
        "Structured logging turns each placeholder of a message template into an attribute; a placeholder named after a deprecated attribute sends the old name.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var loggerExtensions = start.Compilation.GetTypeByMetadataName(LoggingNamespace + ".LoggerExtensions");
            var loggerMessage = start.Compilation.GetTypeByMetadataName(LoggingNamespace + ".LoggerMessage");
            var loggerMessageAttribute = start.Compilation.GetTypeByMetadataName(LoggingNamespace + ".LoggerMessageAttribute");
            if (loggerExtensions is null || !start.Options.AdditionalFiles.Any(f => f?.Path is { } path && ConventionCache.IsConventionFile(path)))
            {
                return;
            }
            var conventions = new System.Lazy<ConventionIndex>(() => ConventionCache.Get(start.Options.AdditionalFiles, start.CancellationToken));
            start.RegisterOperationAction(operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                var method = invocation.TargetMethod;
                if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, loggerExtensions)
                    && !SymbolEqualityComparer.Default.Equals(method.ContainingType, loggerMessage))
                {
                    return;
                }
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name is "message" or "formatString"
                        && argument.Value.ConstantValue is { HasValue: true, Value: string template })
                    {
                        Check(operation.ReportDiagnostic, conventions.Value, template, argument.Value.Syntax.GetLocation());
                    }
                }
            }, OperationKind.Invocation);
            if (loggerMessageAttribute is not null)
            {
                start.RegisterSymbolAction(symbol =>
                {
                    // A partial method's two parts share its attributes: the declaring part reports.
                    if (symbol.Symbol is IMethodSymbol { PartialDefinitionPart: not null })
                    {
                        return;
                    }
                    foreach (var attribute in symbol.Symbol.GetAttributes())
                    {
                        if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, loggerMessageAttribute))
                        {
                            continue;
                        }
                        var location = attribute.ApplicationSyntaxReference?.GetSyntax(symbol.CancellationToken).GetLocation() ?? Location.None;
                        foreach (var template in Templates(attribute))
                        {
                            Check(symbol.ReportDiagnostic, conventions.Value, template, location);
                        }
                    }
                }, SymbolKind.Method);
            }
        });
    }

    /// <summary>The message template of a <c>[LoggerMessage]</c>: named <c>Message</c>, or a constructor argument named <c>message</c>.</summary>
    private static IEnumerable<string> Templates(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Message" && named.Value.Value is string message)
            {
                yield return message;
            }
        }
        var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < attribute.ConstructorArguments.Length && i < parameters.Length; i++)
        {
            if (parameters[i].Name == "message" && attribute.ConstructorArguments[i].Value is string message)
            {
                yield return message;
            }
        }
    }

    private static void Check(System.Action<Diagnostic> report, ConventionIndex conventions, string template, Location location)
    {
        foreach (var placeholder in LogTemplate.Placeholders(template))
        {
            if (placeholder.Length == 0)
            {
                continue;
            }
            var attribute = conventions.Find(placeholder) is { } exact && exact.Name == placeholder
                ? exact
                : conventions.FindByCompactName(placeholder);
            if (attribute?.Deprecated is not { } deprecation)
            {
                continue;
            }
            var detail = deprecation.RenamedTo is { Length: > 0 } renamedTo ? $"; it was renamed to '{renamedTo}'" : "";
            report(Diagnostic.Create(Rule, location, placeholder, attribute.Name, detail));
        }
    }
}
