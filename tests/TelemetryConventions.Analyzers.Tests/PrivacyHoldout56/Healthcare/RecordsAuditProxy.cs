using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;

namespace PrivacyHoldout56.Healthcare;

public interface IPatientRecords
{
    Task<PatientSummary?> GetSummaryAsync(string nhsNumber);

    Task<IReadOnlyList<Allergy>> ListAllergiesAsync(string hospitalNumber);

    Task AmendDemographicsAsync(string hospitalNumber, DemographicsAmendment amendment);
}

public sealed record PatientSummary(string HospitalNumber, string FamilyName, DateOnly DateOfBirth, string WardCode);

public sealed record Allergy(string Code, string Severity);

public sealed record DemographicsAmendment(string? FamilyName, string? MobileNumber, string? Postcode);

/// <summary>Thrown by <c>PatientRecords</c> when the master patient index has no match.</summary>
public sealed class PatientNotFoundException(string nhsNumber)
    : Exception($"No patient is registered with NHS number {nhsNumber}.")
{
    public string NhsNumber { get; } = nhsNumber;
}

/// <summary>The bed board; its only exception is <see cref="NoFreeBedException"/>.</summary>
public interface IBedBoard
{
    Task<int> AssignBedAsync(string wardCode, string admissionId);

    Task ReleaseBedAsync(string wardCode, int bedNumber);

    Task<int> CountFreeBedsAsync(string wardCode);
}

/// <summary>
/// Audits every call into the records service. Registered in Program.cs in place of the service:
/// <c>services.AddScoped(sp =&gt; RecordsAuditProxy.Wrap(sp.GetRequiredService&lt;PatientRecords&gt;(), …))</c>.
/// </summary>
public class RecordsAuditProxy : DispatchProxy
{
    private static readonly ActivitySource Source = new("Clinic.Records");

    private IPatientRecords _inner = null!;
    private ILogger _logger = null!;

    public static IPatientRecords Wrap(IPatientRecords inner, ILogger<RecordsAuditProxy> logger)
    {
        var proxy = Create<IPatientRecords, RecordsAuditProxy>();
        var audit = (RecordsAuditProxy)(object)proxy;
        audit._inner = inner;
        audit._logger = logger;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        args ??= [];
        var operation = $"PatientRecords.{targetMethod.Name.Replace("Async", string.Empty, StringComparison.Ordinal)}";
        var activity = Source.StartActivity(operation);
        activity?.SetTag("code.function", targetMethod.Name); // clean precision-names
        activity?.SetTag(WardAttributes.ArgumentCount, args.Length); // clean precision-about
        activity?.SetTag("records.subject", args.FirstOrDefault()); // leak TC1001 cross-member
        _logger.LogDebug("Calling {Operation} with {Arguments}", operation, args); // leak TC1001 logging-objects
        _logger.LogDebug("Signature {Signature}", string.Join(", ", targetMethod.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"))); // clean precision-names
        _logger.LogDebug("Argument types {ArgumentTypes}", args.Select(a => a?.GetType().Name ?? "null").ToArray()); // clean precision-about

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = targetMethod.Invoke(_inner, args);
            if (result is Task task)
            {
                task.ContinueWith(t => Completed(activity, operation, t.Exception?.GetBaseException(), started), TaskScheduler.Default);
            }

            return result;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            Completed(activity, operation, ex.InnerException, started);
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    private void Completed(Activity? activity, string operation, Exception? error, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (error is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", error.GetType().Name); // clean exceptions
            _logger.LogWarning(error, "{Operation} failed after {ElapsedMs} ms", operation, elapsed.TotalMilliseconds); // leak TC1001 exceptions
        }
        else
        {
            _logger.LogInformation("{Operation} completed in {ElapsedMs} ms", operation, elapsed.TotalMilliseconds); // clean precision-about
        }

        activity?.Dispose();
    }
}

/// <summary>
/// The ward team's generic logging proxy. It is only put in front of the bed board, whose calls carry
/// wards, admissions and bed numbers.
/// </summary>
public class ArgumentLoggingProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = default!;
    private ILogger _logger = null!;

    public static T Wrap(T inner, ILogger logger)
    {
        var proxy = Create<T, ArgumentLoggingProxy<T>>();
        var logging = (ArgumentLoggingProxy<T>)(object)proxy;
        logging._inner = inner;
        logging._logger = logger;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var parameters = targetMethod.GetParameters();
        var named = parameters.Select((p, i) => $"{p.Name}={args?[i]}");
        _logger.LogInformation("{Service}.{Method}({Arguments})", typeof(T).Name, targetMethod.Name, string.Join(", ", named)); // clean strings
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            _logger.LogError(ex.InnerException, "{Service}.{Method} threw", typeof(T).Name, targetMethod.Name); // clean exceptions
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}

/// <summary>Thrown by the bed board when a ward has no free bed.</summary>
public sealed class NoFreeBedException(string wardCode)
    : Exception($"Ward {wardCode} has no free bed.");
