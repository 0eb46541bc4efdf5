using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Transport;

/// <summary>A parameter that identifies a person; the logging proxy writes its keyed pseudonym instead.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersonalAttribute(string domain) : Attribute
{
    public string Domain { get; } = domain;
}

public sealed record CapResult(string JourneyId, int ChargedMinor, bool Capped);

public sealed record Journey(string JourneyId, string FromStop, string ToStop, int FareMinor, string CardNumber);

public interface IFareCapping
{
    Task<CapResult> ApplyTapAsync([Personal("travel_card")] string cardNumber, string routeId, DateTimeOffset tappedAt, int fareMinor);

    Task<int> DailyTotalAsync([Personal("travel_card")] string cardNumber, DateOnly day);
}

public interface IJourneyHistory
{
    Task<IReadOnlyList<Journey>> ForRiderAsync(Guid riderId, DateOnly from, DateOnly to);

    Task EmailStatementAsync(Guid riderId, string email, int month);
}

/// <summary>Thrown by the capping engine for a card on the hotlist.</summary>
public sealed class CardHotlistedException(string cardNumber)
    : Exception($"Card {cardNumber} is hotlisted.");

/// <summary>Logging proxy of the capping engine: arguments marked [Personal] are written as keyed pseudonyms.</summary>
public class PseudonymisingLogProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = default!;
    private ActivitySource _source = null!;
    private Pseudonymizer _pseudonymizer = null!;
    private ILogger _logger = null!;

    public static T Wrap(T inner, ActivitySource source, Pseudonymizer pseudonymizer, ILogger logger)
    {
        var proxy = Create<T, PseudonymisingLogProxy<T>>();
        var logging = (PseudonymisingLogProxy<T>)(object)proxy;
        (logging._inner, logging._source, logging._pseudonymizer, logging._logger) = (inner, source, pseudonymizer, logger);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        args ??= [];
        var operation = $"{typeof(T).Name.TrimStart('I')}.{targetMethod.Name}";
        var span = _source.StartFaresCall(operation); // clean generated-api
        var parameters = targetMethod.GetParameters();
        var rendered = new List<string>(parameters.Length);
        for (var i = 0; i < parameters.Length; i++)
        {
            var personal = parameters[i].GetCustomAttribute<PersonalAttribute>();
            var raw = args[i]?.ToString() ?? string.Empty;
            rendered.Add(personal is null ? $"{parameters[i].Name}={raw}" : $"{parameters[i].Name}={_pseudonymizer.Compute(personal.Domain, raw)}");
            if (personal?.Domain == TelemetryPseudonyms.FaresCardIdDomain)
            {
                span.SetFaresCardId(_pseudonymizer.PseudonymizeFaresCardId(raw)); // clean precision-pseudonym
            }
        }

        _logger.LogInformation("{Operation}({Arguments})", operation, string.Join(", ", rendered)); // clean precision-pseudonym
        try
        {
            var result = targetMethod.Invoke(_inner, args);
            if (result is Task task)
            {
                task.ContinueWith(
                    t =>
                    {
                        if (t.Exception?.GetBaseException() is { } error)
                        {
                            span.SetFaresOutcome(FaresOutcome.Failed).RecordException(error, includeMessage: true); // leak TC1001 exceptions
                        }
                        else if (t is Task<CapResult> { Result: var cap })
                        {
                            span.SetFaresOutcome(cap.Capped ? FaresOutcome.Capped : FaresOutcome.Ok).SetFaresJourneyId(cap.JourneyId); // clean generated-api
                        }

                        span.Dispose();
                    },
                    TaskScheduler.Default);
            }

            return result;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            span.SetFaresOutcome(FaresOutcome.Failed).RecordException(ex.InnerException).Dispose(); // clean exceptions
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}

/// <summary>The journey team's logging proxy, in front of the journey history.</summary>
public class ArgumentLogProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = default!;
    private ILogger _logger = null!;

    public static T Wrap(T inner, ILogger logger)
    {
        var proxy = Create<T, ArgumentLogProxy<T>>();
        var logging = (ArgumentLogProxy<T>)(object)proxy;
        (logging._inner, logging._logger) = (inner, logger);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        args ??= [];
        var operation = $"{typeof(T).Name.TrimStart('I')}.{targetMethod.Name}";
        _logger.LogInformation("{Operation} args {Args}", operation, JsonSerializer.Serialize(args)); // leak TC1001 logging-objects
        _logger.LogDebug("{Operation} took {Count} arguments", operation, args.Length); // clean precision-about
        Activity.Current?.SetTag("fares.rider", args.OfType<Guid>().FirstOrDefault()); // leak TC1001 cross-member
        var result = targetMethod.Invoke(_inner, args);
        if (result is Task<IReadOnlyList<Journey>> journeys)
        {
            journeys.ContinueWith(
                t =>
                {
                    _logger.LogDebug("{Operation} returned {Count} journeys", operation, t.Result.Count); // clean precision-about
                    _logger.LogTrace("{Operation} returned {Journeys}", operation, t.Result); // leak TC1001 logging-objects
                },
                TaskContinuationOptions.OnlyOnRanToCompletion);
        }

        return result;
    }
}
