using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Education;

public sealed record EnrolmentChange(string StudentNumber, string DisplayName, string YearGroup, string SchoolUrn, string ClassCode);

public sealed record TeachingGroup(string SchoolUrn, string YearGroup, string ClassCode, int Size);

public interface ISisClient
{
    Task<IReadOnlyList<EnrolmentChange>> GetEnrolmentChangesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TeachingGroup>> GetTeachingGroupsAsync(CancellationToken cancellationToken);
}

public interface IVleClient
{
    Task<bool> EnrolAsync(EnrolmentChange change, CancellationToken cancellationToken);

    Task<int> PushTimetableAsync(TeachingGroup group, CancellationToken cancellationToken);

    Task LinkGuardianAsync(string studentNumber, string guardianEmail, CancellationToken cancellationToken);
}

/// <summary>The VLE's 404 for a user that was never provisioned.</summary>
public sealed class VleUserNotFoundException(string studentNumber) : Exception($"No VLE user for student {studentNumber}")
{
    public string StudentNumber { get; } = studentNumber;
}

/// <summary>The VLE's 429.</summary>
public sealed class VleThrottledException(TimeSpan retryAfter) : Exception($"VLE throttled the request; retry after {retryAfter.TotalSeconds:0}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The retry loop the sync jobs share; it logs the operation's name, the attempt and the error type.</summary>
public static class SyncRetry
{
    public static async Task<T> RunAsync<T>(string operation, Func<int, Task<T>> action, int maxAttempts, ILogger logger, CancellationToken cancellationToken, Action<int, Exception>? onRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(attempt);
            }
            catch (VleThrottledException ex) when (attempt < maxAttempts)
            {
                var delay = ex.RetryAfter + TimeSpan.FromMilliseconds(Random.Shared.Next(250));
                logger.LogWarning("{Operation}: attempt {Attempt} of {MaxAttempts} throttled; next in {Delay}", operation, attempt, maxAttempts, delay);
                onRetry?.Invoke(attempt, ex);
                await Task.Delay(delay, cancellationToken);
            }
            catch (TimeoutException ex) when (attempt < maxAttempts)
            {
                logger.LogWarning("{Operation}: attempt {Attempt} of {MaxAttempts} timed out", operation, attempt, maxAttempts);
                onRetry?.Invoke(attempt, ex);
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), cancellationToken);
            }
        }
    }
}

public sealed class VleSyncOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 4;

    /// <summary>Student numbers in the sync pilot, set by the data manager.</summary>
    public List<string> PilotStudentNumbers { get; set; } = new();
}

public sealed class VleSyncWorker(
    ISisClient sis,
    IVleClient vle,
    IGuardianDirectory guardians,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    IOptionsMonitor<VleSyncOptions> options,
    ILogger<VleSyncWorker> logger) : BackgroundService
{
    private int _synced;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var reload = options.OnChange((updated, _) =>
        {
            logger.LogInformation("Sync interval is now {Interval} with {MaxAttempts} attempts", updated.Interval, updated.MaxAttempts);
            logger.LogInformation("Sync pilot now covers {PilotStudents}", updated.PilotStudentNumbers); // leak TC1001 logging-objects
        });

        using var timer = new PeriodicTimer(options.CurrentValue.Interval);
        do
        {
            await SyncEnrolmentsAsync(stoppingToken);
            await SyncTimetablesAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SyncEnrolmentsAsync(CancellationToken stoppingToken)
    {
        var maxAttempts = options.CurrentValue.MaxAttempts;
        foreach (var change in await sis.GetEnrolmentChangesAsync(stoppingToken))
        {
            using var span = source.StartVleSync("enrolments").SetVleStudentId(pseudonymizer.PseudonymizeVleStudentId(change.StudentNumber)).SetVleYearGroup(change.YearGroup); // clean generated-api
            try
            {
                await SyncRetry.RunAsync($"enrol {change.StudentNumber}", _ => vle.EnrolAsync(change, stoppingToken), maxAttempts, logger, stoppingToken); // leak TC1001 cross-member
                foreach (var guardianEmail in guardians.EmailsFor(change.StudentNumber))
                {
                    Activity.Current?.SetTag(VleAttributes.GuardianEmail, pseudonymizer.ComputeVleStudentId(guardianEmail)); // leak TC1001 precision-pseudonym
                    await SyncRetry.RunAsync(
                        $"guardian-link {change.ClassCode}",
                        async _ =>
                        {
                            await vle.LinkGuardianAsync(change.StudentNumber, guardianEmail, stoppingToken);
                            return true;
                        },
                        maxAttempts,
                        logger,
                        stoppingToken,
                        (attempt, ex) => logger.LogDebug("Guardian link {GuardianEmail} retry {Attempt}", guardianEmail, attempt)); // leak TC1001 direct
                }

                _synced++;
            }
            catch (VleUserNotFoundException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, "no VLE user"); // clean exceptions
                span.SetVleNote(ex.Message); // leak TC1001 generated-api
                meter.CreateVleSyncFailuresCounter().Add(1, "enrolments", "no-vle-user", change.YearGroup); // clean precision-about
            }
            catch (VleThrottledException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                meter.CreateVleSyncFailuresCounter().Add(1, "enrolments", ex.GetType().Name); // clean exceptions
            }
        }
    }

    private async Task SyncTimetablesAsync(CancellationToken stoppingToken)
    {
        foreach (var group in await sis.GetTeachingGroupsAsync(stoppingToken))
        {
            using var span = source.StartVleSync("timetables", spanName: $"timetable {group.SchoolUrn}/{group.ClassCode}"); // clean generated-api
            try
            {
                var lessons = await SyncRetry.RunAsync($"timetable {group.YearGroup}/{group.ClassCode}", _ => vle.PushTimetableAsync(group, stoppingToken), 3, logger, stoppingToken); // clean cross-member
                span.SetVleNote($"{lessons} lessons for {group.Size} students"); // clean generated-api
            }
            catch (TimeoutException ex)
            {
                logger.LogError(ex, "Timetable push for {ClassCode} gave up", group.ClassCode); // clean exceptions
                meter.CreateVleSyncFailuresCounter().Add(1, "timetables", "timeout", group.YearGroup);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("VLE sync stopping after {StudentsSynced} students", _synced); // clean precision-names
        await base.StopAsync(cancellationToken);
    }
}

public interface IGuardianDirectory
{
    IEnumerable<string> EmailsFor(string studentNumber);
}
