using System.Dynamic;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Healthcare;

public sealed class PatientDemographics
{
    public Guid PatientId { get; set; }

    public PatientNumber PatientNumber { get; set; }

    public string FamilyName { get; set; } = "";

    public string GivenName { get; set; } = "";

    public string? MobilePhone { get; set; }

    /// <summary>ODS code of the GP practice the patient is registered with.</summary>
    public string RegisteredPractice { get; set; } = "";

    public string PreferredLanguage { get; set; } = "";
}

public sealed record MemberChange(string Member, object? Before, object? After);

/// <summary>Compares two snapshots of an object member by member.</summary>
public static class ObjectDiff
{
    public static IReadOnlyList<MemberChange> Between<T>(T before, T after)
        where T : class
    {
        var changes = new List<MemberChange>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var old = property.GetValue(before);
            var current = property.GetValue(after);
            if (!Equals(old, current))
            {
                changes.Add(new MemberChange(property.Name, old, current));
            }
        }
        return changes;
    }
}

/// <summary>"Name=value" for every public property, for trace-level diagnostics.</summary>
public static class PropertyDump
{
    public static string Describe(object value) =>
        string.Join(", ", value.GetType().GetProperties().Select(p => $"{p.Name}={p.GetValue(value)}"));
}

public sealed class AuditShardKey(byte[] key)
{
    public byte[] Key { get; } = key;
}

public sealed class DemographicsAuditor(ILogger<DemographicsAuditor> logger, Pseudonymizer pseudonymizer, AuditShardKey shardKey)
{
    public void Updated(PatientDemographics before, PatientDemographics after)
    {
        var changes = ObjectDiff.Between(before, after);
        var subject = pseudonymizer.PseudonymizeModelSubjectId(after.PatientNumber.Value);

        logger.LogModelChangedEvent(nameof(PatientDemographics), modelChanges: string.Join(",", changes.Select(c => c.Member)), modelChangeCount: changes.Count, modelSubjectId: subject); // clean generated-api
        logger.LogInformation("Changed members {Members}", changes.Select(c => c.Member).ToArray()); // clean precision-names
        logger.LogInformation("Demographics changed: {Changes}", changes); // leak TC1001 logging-objects
        logger.LogModelChangedEvent(nameof(PatientDemographics), modelNote: string.Join("; ", changes)); // leak TC1001 generated-api

        foreach (var change in changes)
        {
            if (change.Member == nameof(PatientDemographics.RegisteredPractice))
            {
                logger.LogInformation("Practice moved from {Before} to {After}", change.Before, change.After); // clean cross-member
            }
            else
            {
                logger.LogDebug("{Member}: {Before} -> {After}", change.Member, change.Before, change.After); // leak TC1001 cross-member
            }
        }

        logger.LogTrace("After update: {State}", PropertyDump.Describe(after)); // leak TC1001 strings
        logger.LogTrace("Language now {Language}", after.PreferredLanguage);

        var bag = new Dictionary<string, object?>
        {
            ["patientId"] = after.PatientId,
            ["practice"] = after.RegisteredPractice,
            ["changes"] = changes.Count,
        };
        using (logger.BeginScope(bag)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Demographics saved");
        }

        var context = new Dictionary<string, object?>
        {
            ["patientRef"] = pseudonymizer.ComputeModelSubjectId(after.PatientNumber.Value),
            ["practice"] = after.RegisteredPractice,
            ["hasMobile"] = after.MobilePhone is not null,
        };
        using (logger.BeginScope(context)) // clean precision-pseudonym
        {
            logger.LogInformation("Demographics synced to the spine");
        }

        var audit = new ExpandoObject();
        var fields = (IDictionary<string, object?>)audit;
        fields["Entity"] = nameof(PatientDemographics);
        fields["Practice"] = after.RegisteredPractice;
        fields["Mobile"] = after.MobilePhone;
        logger.LogInformation("Audit {@Audit}", audit); // leak TC1001 logging-objects
        logger.LogInformation("Audit fields {Fields}", fields.Keys); // clean precision-names

        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(after.PatientNumber.Value)))[..16];
        logger.LogInformation("Dedupe key {DedupeKey}", dedupe); // leak TC1002 hashes
        logger.LogDebug("Audit partition {Partition}", after.PatientNumber.GetHashCode() & 31); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(after.PatientNumber.Value))[0] % 16;
        logger.LogDebug("Audit shard {Shard}", shard); // clean hashes
    }
}
