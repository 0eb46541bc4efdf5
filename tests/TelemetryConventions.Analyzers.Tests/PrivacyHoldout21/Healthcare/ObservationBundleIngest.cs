using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout21.Support.Fhir;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Healthcare;

public sealed class MixedSubjectsException(int subjects) : Exception($"A bundle must describe one patient; this one describes {subjects}");

/// <summary>Accepts transaction bundles of home-monitoring observations and forwards them to the FHIR server.</summary>
public sealed class ObservationBundleIngest(
    FhirClient fhir,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<ObservationBundleIngest> logger)
{
    private const string PatientPrefix = "Patient/";

    public async Task<Bundle> SubmitAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("fhir.bundle.type", bundle.Type?.ToString()); // clean precision-about
        activity?.SetTag("fhir.bundle.entry_count", bundle.Entry.Count); // clean precision-about

        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        var subjects = observations.Select(o => o.Subject?.Reference).Distinct().ToList();
        if (subjects.Count != 1)
        {
            logger.LogWarning("Bundle mixes subjects {Subjects}", string.Join(", ", subjects)); // leak TC1001 strings
            throw new MixedSubjectsException(subjects.Count);
        }

        var subject = subjects[0] ?? throw new MixedSubjectsException(0);
        activity?.SetTag("fhir.observation.subject", subject); // leak TC1001 strings
        var logicalId = subject.StartsWith(PatientPrefix, StringComparison.Ordinal) ? subject[PatientPrefix.Length..] : subject;
        activity?.SetTag("fhir.subject.shard", Shard(logicalId)); // clean hashes
        activity?.SetTag("fhir.subject.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(logicalId)))[..16]); // leak TC1002 hashes

        foreach (var observation in observations)
        {
            var coding = observation.Code.Coding.FirstOrDefault();
            activity?.AddEvent(new ActivityEvent("fhir.observation", tags: new ActivityTagsCollection { ["fhir.observation.code"] = coding?.Code, ["fhir.observation.encounter"] = observation.Encounter?.Reference, ["fhir.observation.status"] = observation.Status?.ToString() })); // clean precision-names
        }

        var response = await fhir.TransactionAsync(bundle, cancellationToken);
        foreach (var entry in response.Entry.Where(e => e.Response?.Status.StartsWith("201", StringComparison.Ordinal) == false))
        {
            logger.LogWarning("Entry {FullUrl} answered {Status} ({IssueCode})", entry.FullUrl, entry.Response!.Status, entry.Response.Outcome?.Issue.FirstOrDefault()?.Code); // clean precision-about
        }

        meter.CreateInterchangeMessagesCounter().Add(observations.Count, "fhir-r4", "Observation", interchangeOutcome: subject); // leak TC1003 generated-api
        logger.LogInformation("Stored {Count} observations for {Subject}", observations.Count, pseudonymizer.ComputeInterchangeSubjectId(logicalId)); // clean precision-pseudonym
        return response;
    }

    private int Shard(string logicalId)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(logicalId));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) % 16);
    }
}
