using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMapper;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Education;

/// <summary>Marks a member whose value must not be written to change logs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

public sealed class GradeEntry
{
    public Guid GradeId { get; set; }

    [Sensitive]
    public string StudentNumber { get; set; } = "";

    public string CourseCode { get; set; } = "";

    public string Assessment { get; set; } = "";

    public string Mark { get; set; } = "";

    /// <summary>Staff email of the teacher who entered the mark.</summary>
    [Sensitive]
    public string MarkedBy { get; set; } = "";
}

public sealed record GradeChanged(Guid GradeId, string CourseCode, string Assessment, string OldMark, string NewMark, string StudentNumber);

public sealed class GradeChangedMessage
{
    public Guid GradeId { get; set; }

    [JsonIgnore]
    public string StudentNumber { get; set; } = "";

    public string CourseCode { get; set; } = "";

    public string Mark { get; set; } = "";
}

public sealed class GradebookProfile : Profile
{
    public GradebookProfile() => CreateMap<GradeEntry, GradeChangedMessage>();
}

public static class ChangeLog
{
    /// <summary>"Member: old -> new" for each changed member; [Sensitive] members are listed without values.</summary>
    public static IReadOnlyList<string> Describe<T>(T before, T after)
    {
        var lines = new List<string>();
        foreach (var property in typeof(T).GetProperties())
        {
            var old = property.GetValue(before);
            var current = property.GetValue(after);
            if (Equals(old, current))
            {
                continue;
            }
            lines.Add(property.GetCustomAttribute<SensitiveAttribute>() is null
                ? $"{property.Name}: {old} -> {current}"
                : $"{property.Name}: (changed)");
        }
        return lines;
    }

    /// <summary>Old and new value of every changed member, for the audit store.</summary>
    public static Dictionary<string, object?[]> ToDictionary<T>(T before, T after) =>
        typeof(T).GetProperties()
            .Where(p => !Equals(p.GetValue(before), p.GetValue(after)))
            .ToDictionary(p => p.Name, p => new[] { p.GetValue(before), p.GetValue(after) });
}

public sealed class GradebookSync(ILogger<GradebookSync> logger, IMapper mapper, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _changes = meter.CreateCounter<long>("lms.grade.changes");

    public void Apply(GradeEntry before, GradeEntry after)
    {
        using var span = source.StartModelOperation("update", nameof(GradeEntry));
        span.SetModelId(after.GradeId.ToString());

        var described = ChangeLog.Describe(before, after);
        span.SetModelChangeCount(described.Count);
        logger.LogInformation("Grade changed: {Changes}", described); // clean strings
        span.AddModelChangedEvent(nameof(GradeEntry), modelChanges: string.Join("; ", described)); // clean generated-api
        logger.LogInformation("Grade audit {Audit}", ChangeLog.ToDictionary(before, after)); // leak TC1001 logging-objects

        using (logger.BeginScope(new[] { new KeyValuePair<string, object?>("Course", after.CourseCode), new KeyValuePair<string, object?>("Assessment", after.Assessment) })) // clean logging-objects
        {
            logger.LogInformation("Mark {OldMark} replaced by {NewMark}", before.Mark, after.Mark); // clean direct
        }
        using (logger.BeginScope(new[] { new KeyValuePair<string, object?>("Course", after.CourseCode), new KeyValuePair<string, object?>("Student", after.StudentNumber) })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Moderation queued");
        }
        using (logger.BeginScope("Grade sync for {StudentNumber}", after.StudentNumber)) // leak TC1001 direct
        {
            logger.LogDebug("Syncing {Assessment}", after.Assessment);
        }

        var changed = new GradeChanged(after.GradeId, after.CourseCode, after.Assessment, before.Mark, after.Mark, after.StudentNumber);
        logger.LogInformation("Publishing {Event}", changed); // leak TC1001 logging-objects
        var published = changed with { StudentNumber = pseudonymizer.ComputeModelSubjectId(after.StudentNumber) };
        logger.LogInformation("Published {Event}", published); // clean precision-pseudonym

        var message = mapper.Map<GradeChangedMessage>(after);
        span.Activity?.SetTag("lms.grade.message", JsonSerializer.Serialize(message)); // clean logging-objects
        logger.LogDebug("Message {@Message}", message); // leak TC1001 logging-objects
        span.Activity?.SetTag("lms.grade.message.b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(message.StudentNumber + "|" + message.Mark))); // leak TC1001 hashes

        logger.LogDebug("Dedupe key {Key}", HashCode.Combine(after.StudentNumber, after.Assessment)); // leak TC1002 hashes
        var legacyId = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(after.StudentNumber)));
        span.Activity?.SetTag("lms.legacy.learner", legacyId.ToString()); // leak TC1002 hashes

        _changes.Add(1, new KeyValuePair<string, object?>("course", after.CourseCode), new KeyValuePair<string, object?>("assessment", after.Assessment)); // clean direct
        logger.LogInformation("Marker domain {Domain}", after.MarkedBy.Split('@')[^1]); // clean precision-about
    }
}
