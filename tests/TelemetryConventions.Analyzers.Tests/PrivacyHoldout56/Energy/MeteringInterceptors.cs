using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Castle.DynamicProxy;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;

namespace PrivacyHoldout56.Energy;

/// <summary>Keeps a parameter's value out of the interceptors' tags and logs.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SensitiveAttribute : Attribute;

public sealed record ReadingAccepted(string ReadingId, bool Estimated);

public sealed record MeterReading(string ReadingId, DateTimeOffset ReadAt, decimal RegisterValue);

public sealed record TariffQuote(string TariffCode, decimal AnnualCost, DateOnly ValidUntil);

public sealed record AccountSummary(string AccountNumber, string HolderEmail, string TariffCode, decimal Balance);

public interface IMeterReadService
{
    Task<ReadingAccepted> SubmitReadingAsync(string meterSerial, string accountNumber, decimal registerValue, DateTimeOffset readAt);

    Task<IReadOnlyList<MeterReading>> HistoryAsync(string meterSerial, DateOnly from, DateOnly to);
}

public interface ITariffService
{
    Task<TariffQuote> QuoteAsync([Sensitive] string accountNumber, string tariffCode, [Sensitive] string mpan);

    Task<IReadOnlyList<string>> ListTariffsAsync(string region);
}

public interface IAccountService
{
    Task<AccountSummary> GetAsync(string accountNumber);

    Task ChangeEmailAsync(string accountNumber, string newEmail);
}

/// <summary>Thrown by <c>AccountService.ChangeEmailAsync</c>.</summary>
public sealed class EmailInUseException(string email)
    : Exception($"{email} is already the contact of another supply account.");

/// <summary>Thrown by <c>MeterReadService.SubmitReadingAsync</c>.</summary>
public sealed class ReadingOutOfRangeException(decimal registerValue, decimal previous)
    : Exception($"Register value {registerValue} is below the previous reading {previous}.");

/// <summary>The supplier's services still come out of the Windsor-era proxy factory.</summary>
public static class MeteringProxies
{
    private static readonly ProxyGenerator Generator = new();

    public static IMeterReadService Readings(IMeterReadService target, TimingInterceptor timing, InvocationLoggingInterceptor logging) =>
        Generator.CreateInterfaceProxyWithTarget(target, timing, logging);

    public static ITariffService Tariffs(ITariffService target, TimingInterceptor timing, SensitiveArgumentsInterceptor arguments) =>
        Generator.CreateInterfaceProxyWithTarget(target, timing, arguments);

    public static IAccountService Accounts(IAccountService target, TimingInterceptor timing, ArgumentDigestInterceptor digest, ReturnValueLoggingInterceptor returns) =>
        Generator.CreateInterfaceProxyWithTarget(target, timing, digest, returns);
}

/// <summary>Times every intercepted call; on the readings, tariff and account services.</summary>
public sealed class TimingInterceptor(Meter meter, ILogger<TimingInterceptor> logger) : IInterceptor
{
    public void Intercept(IInvocation invocation)
    {
        var operation = $"{invocation.Method.DeclaringType?.Name.TrimStart('I')}.{invocation.Method.Name}";
        var started = Stopwatch.GetTimestamp();
        invocation.Proceed();
        if (invocation.ReturnValue is Task task)
        {
            task.ContinueWith(t => Record(operation, started, t.Exception?.GetBaseException()), TaskScheduler.Default);
        }
        else
        {
            Record(operation, started, null);
        }
    }

    private void Record(string operation, long started, Exception? error)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        meter.CreateGridOperationDurationHistogram().Record(elapsed, operation, error is null ? GridOutcome.Ok : GridOutcome.Failed); // clean precision-about
        if (error is not null)
        {
            logger.LogWarning("{Operation} failed after {Elapsed:F3} s: {Error}", operation, elapsed, error.Message); // leak TC1001 exceptions
            logger.LogDebug("{Operation} failed with {ErrorType}", operation, error.GetType().Name); // clean exceptions
        }
    }
}

/// <summary>Logs every call of the readings service with its arguments.</summary>
public sealed class InvocationLoggingInterceptor(ILogger<InvocationLoggingInterceptor> logger) : IInterceptor
{
    public void Intercept(IInvocation invocation)
    {
        logger.LogDebug("Intercepted {Method} on {Target}", invocation.Method.Name, invocation.TargetType?.Name); // clean precision-names
        logger.LogDebug("{Method} arguments {Arguments}", invocation.Method.Name, invocation.Arguments); // leak TC1001 logging-objects
        Activity.Current?.SetTag("metering.meter", invocation.GetArgumentValue(0)); // leak TC1001 cross-member
        Activity.Current?.SetTag("metering.argument_count", invocation.Arguments.Length); // clean precision-about
        invocation.Proceed();
    }
}

/// <summary>Tags the tariff service's arguments, leaving out the ones marked [Sensitive].</summary>
public sealed class SensitiveArgumentsInterceptor : IInterceptor
{
    public void Intercept(IInvocation invocation)
    {
        var activity = Activity.Current;
        var parameters = invocation.Method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (Attribute.IsDefined(parameters[i], typeof(SensitiveAttribute)))
            {
                activity?.SetTag($"tariff.arg.{parameters[i].Name}", "[redacted]"); // clean precision-names
                continue;
            }

            activity?.SetTag($"tariff.arg.{parameters[i].Name}", invocation.Arguments[i]); // clean cross-member
        }

        invocation.Proceed();
    }
}

/// <summary>Gives the account service's calls a correlation digest instead of the account number.</summary>
public sealed class ArgumentDigestInterceptor(ILogger<ArgumentDigestInterceptor> logger) : IInterceptor
{
    public void Intercept(IInvocation invocation)
    {
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", invocation.Arguments))))[..16];
        logger.LogInformation("{Method} for argument digest {Digest}", invocation.Method.Name, digest); // leak TC1002 hashes
        invocation.Proceed();
    }
}

/// <summary>Logs what the account service returned.</summary>
public sealed class ReturnValueLoggingInterceptor(ILogger<ReturnValueLoggingInterceptor> logger) : IInterceptor
{
    public void Intercept(IInvocation invocation)
    {
        invocation.Proceed();
        var method = invocation.Method.Name;
        logger.LogDebug("{Method} returns {ReturnType}", method, invocation.Method.ReturnType.Name); // clean precision-names
        if (invocation.ReturnValue is Task task)
        {
            task.ContinueWith(
                t =>
                {
                    var result = t.GetType().GetProperty("Result")?.GetValue(t);
                    logger.LogDebug("{Method} returned {@Result}", method, result); // leak TC1001 logging-objects
                },
                TaskContinuationOptions.OnlyOnRanToCompletion);
        }
    }
}
