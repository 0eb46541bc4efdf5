using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Education;

/// <summary>The signed-in student of a portal request.</summary>
public interface ICurrentStudent
{
    string StudentNumber { get; }

    string YearGroup { get; }

    string SchoolUrn { get; }
}

/// <summary>The portal's ITargetingContextAccessor: the user id is the signed-in student's pseudonym, the groups are the year group and the school.</summary>
public sealed class StudentTargetingContextAccessor(ICurrentStudent student, Pseudonymizer pseudonymizer) : ITargetingContextAccessor
{
    public ValueTask<TargetingContext> GetContextAsync() =>
        new(new TargetingContext
        {
            UserId = pseudonymizer.ComputeVleStudentId(student.StudentNumber),
            Groups = new[] { $"year:{student.YearGroup}", $"school:{student.SchoolUrn}" },
        });
}

public sealed class SyncFeatureGate(
    IFeatureManager features,
    ITargetingContextAccessor targeting,
    Pseudonymizer pseudonymizer,
    ILogger<SyncFeatureGate> logger)
{
    public const string SyncV2 = "vle.sync-v2";
    public const string GuardianDigest = "vle.guardian-digest";

    /// <summary>The sync worker has no signed-in student, so it targets the student being synced.</summary>
    public async Task<bool> UseSyncV2Async(EnrolmentChange change)
    {
        var context = new TargetingContext { UserId = change.StudentNumber, Groups = new[] { change.YearGroup, change.SchoolUrn } };
        var enabled = await features.IsEnabledAsync(SyncV2, context);

        logger.LogVleFlagEvaluatedEvent(SyncV2, enabled, pseudonymizer.PseudonymizeVleStudentId(change.StudentNumber), change.YearGroup); // clean generated-api
        logger.LogDebug("Flag {Flag} for {UserId}: {Enabled}", SyncV2, context.UserId, enabled); // leak TC1001 direct
        logger.LogDebug("Flag {Flag} for groups {Groups}: {Enabled}", SyncV2, string.Join(",", context.Groups), enabled); // clean precision-about
        Activity.Current?.SetTag("feature_flag.key", SyncV2);
        Activity.Current?.SetTag("feature_flag.result.value", enabled);
        Activity.Current?.AddEvent(new ActivityEvent($"flag {SyncV2} evaluated for {change.StudentNumber}")); // leak TC1001 strings

        var bucket = BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(change.StudentNumber))) % 100;
        logger.LogDebug("Student is in rollout bucket {Bucket}", bucket); // leak TC1002 hashes
        return enabled;
    }

    /// <summary>The portal's flags, targeted through the accessor.</summary>
    public async Task<bool> ShowGuardianDigestAsync()
    {
        var context = await targeting.GetContextAsync();
        var enabled = await features.IsEnabledAsync(GuardianDigest, context);

        logger.LogInformation("Flag {Flag} for {UserId}: {Enabled}", GuardianDigest, context.UserId, enabled); // clean precision-pseudonym
        logger.LogDebug("Targeting {@Targeting}", context); // clean precision-pseudonym
        logger.LogVleFlagEvaluatedEvent(GuardianDigest, enabled, Pseudonym.FromComputed(context.UserId!)); // clean precision-pseudonym
        Activity.Current?.SetTag("feature_flag.context.id", context.UserId); // clean precision-pseudonym
        Activity.Current?.SetTag("feature_flag.groups", context.Groups.Count());
        return enabled;
    }

    /// <summary>Support's "why can't this student see it" page: evaluates the flag for a student number typed by a member of staff.</summary>
    public async Task<bool> ExplainAsync(string studentNumber, string yearGroup)
    {
        var context = new TargetingContext { UserId = studentNumber, Groups = new[] { $"year:{yearGroup}" } };
        var enabled = await features.IsEnabledAsync(GuardianDigest, context);
        logger.LogInformation("Explained {Flag} for {@Targeting}: {Enabled}", GuardianDigest, context, enabled); // leak TC1001 logging-objects
        logger.LogInformation("Explained {Flag} for a {YearGroup} student: {Enabled}", GuardianDigest, yearGroup, enabled); // clean precision-about
        logger.LogVleFlagEvaluatedEvent(GuardianDigest, enabled, vleYearGroup: yearGroup, vleNote: $"explained for {studentNumber} by support"); // leak TC1001 generated-api
        return enabled;
    }
}
