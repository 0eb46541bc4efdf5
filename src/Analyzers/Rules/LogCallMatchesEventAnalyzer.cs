using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.Analyzers.Rules;

/// <summary>
/// TC2009: a hand-written <c>logger.LogInformation("…{PatientId}…", id)</c> whose placeholders name
/// the attributes of one declared event (all of them, or some covering its required ones), where
/// the generated <c>logger.Log…Event(…)</c> method would write the record under the event's name,
/// with the declared attribute names and types. Reported only when exactly one event fits and every
/// value fits its parameter (or is a raw identifier the generated helper can pseudonymise).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LogCallMatchesEventAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The generated method to call.</summary>
    public const string MethodProperty = "Method";

    /// <summary>For each placeholder in order, the parameter that receives its value, joined by commas.</summary>
    public const string ParametersProperty = "Parameters";

    /// <summary>The positions (joined by commas) of values that are raw identifiers for a <c>Pseudonym</c> parameter.</summary>
    public const string PseudonymizeProperty = "Pseudonymize";

    /// <summary>
    /// Present when the call writes at another level than the event declares: the <c>LogLevel</c>
    /// member it writes at, or <see cref="LevelOfTheCall"/> when the call computes its level.
    /// </summary>
    public const string LevelProperty = "Level";

    /// <summary>The <see cref="LevelProperty"/> of a call whose level is not a constant: the fix passes the call's own level expression.</summary>
    public const string LevelOfTheCall = "*";

    public static readonly DiagnosticDescriptor Rule = RuleIds.Descriptor(
        RuleIds.LogCallMatchesEvent,
        "Log call matches a declared event",
        "This log call writes the attributes of the event '{0}'; use the generated '{1}'",
        RuleIds.ConformanceCategory,
        DiagnosticSeverity.Info,
        "The generated log event method writes the record under the event's name, with the declared attribute names, types, severity and privacy treatment.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.Create(start.Compilation);
            if (known.LoggerExtensions is null || known.ILogger is null
                || !start.Options.AdditionalFiles.Any(f => f?.Path is { } path && ConventionCache.IsConventionFile(path)))
            {
                return;
            }
            var events = GeneratedLogEvents.Find(start.Compilation, known.ILogger, start.CancellationToken);
            if (events.Count == 0)
            {
                return;
            }
            var options = start.Options;
            var conventions = new Lazy<ConventionIndex>(() => ConventionCache.Get(options.AdditionalFiles, start.CancellationToken));
            start.RegisterOperationAction(
                operation => Analyze(operation, (IInvocationOperation)operation.Operation, known, conventions.Value, events),
                OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, IInvocationOperation invocation, KnownSymbols known, ConventionIndex conventions, IReadOnlyList<GeneratedLogEvent> events)
    {
        var method = invocation.TargetMethod;
        // An event id or an exception would be lost: the generated method has its own id and no exception.
        if (!KnownSymbols.Is(method.ContainingType, known.LoggerExtensions) || !method.Name.StartsWith("Log", StringComparison.Ordinal)
            || method.Parameters.Any(p => p.Name is "eventId" or "exception"))
        {
            return;
        }
        if (LogTemplateUses.FromExtensionCall(invocation) is not { Placeholders.Count: > 0 } use || use.ValueCount != use.Placeholders.Count)
        {
            return;
        }
        var attributes = new List<string>();
        foreach (var placeholder in use.Placeholders)
        {
            if (placeholder.Destructured || placeholder.Value is null
                || LogTemplateUses.DeclaredAttribute(conventions, placeholder.Name) is not { } attribute
                || attributes.Contains(attribute.Name))
            {
                return;
            }
            attributes.Add(attribute.Name);
        }
        Match? only = null;
        foreach (var candidate in events)
        {
            if (MatchOf(candidate, use, attributes, known, context.Compilation) is not { } match)
            {
                continue;
            }
            if (only is not null)
            {
                // Two events fit: which one the line means is not the analyzer's guess to make.
                return;
            }
            only = match;
        }
        if (only is null)
        {
            return;
        }
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(MethodProperty, only.Event.Method.Name)
            .Add(ParametersProperty, string.Join(",", only.Parameters.Select(p => p.Name)))
            .Add(PseudonymizeProperty, string.Join(",", only.Pseudonymize));
        // The generated method writes at the event's declared level; a call at another level keeps
        // its own through the method's level parameter, so the fix changes no record's severity.
        // An event the conventions do not show (a hand-written look-alike) keeps the call's level too.
        var level = LevelOf(invocation);
        if (level != conventions.EventLevel(only.Event.EventName)?.ToString())
        {
            properties = properties.Add(LevelProperty, level ?? LevelOfTheCall);
        }
        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), properties, only.Event.EventName, only.Event.Method.Name));
    }

    /// <summary>The event's parameters for the placeholders, when every placeholder has one, every required one is given and every value fits.</summary>
    private static Match? MatchOf(GeneratedLogEvent candidate, LogTemplateUse use, List<string> attributes, KnownSymbols known, Compilation compilation)
    {
        var parameters = new List<IParameterSymbol>();
        var pseudonymize = new List<int>();
        for (var i = 0; i < attributes.Count; i++)
        {
            if (candidate.ParameterOf(attributes[i]) is not { } parameter)
            {
                return null;
            }
            var value = use.Placeholders[i].Value!;
            if (value.Constant is { HasValue: true, Value: null })
            {
                return null;
            }
            if (!compilation.ClassifyCommonConversion(value.Type, parameter.Type).IsImplicit)
            {
                if (!known.IsPseudonym(AttributeTypeFit.Underlying(parameter.Type)) || !IsRawIdentifier(value.Type))
                {
                    return null;
                }
                pseudonymize.Add(i);
            }
            parameters.Add(parameter);
        }
        if (candidate.Attributes.Any(p => !p.HasExplicitDefaultValue && !parameters.Contains(p, SymbolEqualityComparer.Default)))
        {
            return null;
        }
        return new Match(candidate, parameters, pseudonymize);
    }

    /// <summary>
    /// The <c>LogLevel</c> member a <c>LoggerExtensions</c> call writes at: in its name
    /// (<c>LogWarning</c>), or its constant <c>logLevel</c> argument; null when the level is computed.
    /// </summary>
    private static string? LevelOf(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        if (name != "Log")
        {
            return name.Substring("Log".Length);
        }
        var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "logLevel");
        if (argument?.Value.ConstantValue is { HasValue: true, Value: int value } && argument.Value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } levels)
        {
            return levels.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
        }
        return null;
    }

    /// <summary>What the generated <c>Pseudonymize…</c> helpers take: text or a whole number.</summary>
    private static bool IsRawIdentifier(ITypeSymbol type) =>
        AttributeTypeFit.Underlying(type).SpecialType is SpecialType.System_String or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
            or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_Byte or SpecialType.System_SByte;

    private sealed class Match
    {
        public Match(GeneratedLogEvent @event, List<IParameterSymbol> parameters, List<int> pseudonymize)
        {
            Event = @event;
            Parameters = parameters;
            Pseudonymize = pseudonymize;
        }

        public GeneratedLogEvent Event { get; }

        public List<IParameterSymbol> Parameters { get; }

        public List<int> Pseudonymize { get; }
    }
}
