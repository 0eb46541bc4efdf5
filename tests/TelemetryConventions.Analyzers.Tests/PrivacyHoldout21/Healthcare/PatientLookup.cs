using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Support.Fhir;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Healthcare;

/// <summary>Finds patients and their recent observations on the trust's FHIR server.</summary>
public sealed class PatientLookup(FhirClient fhir, Pseudonymizer pseudonymizer, ILogger<PatientLookup> logger)
{
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    private const string HeartRate = "http://loinc.org|8867-4";
    private static readonly ActivitySource Source = new("Clinic.Fhir");

    public async Task<Patient?> FindByNhsNumberAsync(string nhsNumber, CancellationToken cancellationToken)
    {
        var query = new SearchParams().Where($"identifier={NhsNumberSystem}|{nhsNumber}").LimitTo(2);
        using var activity = Source.StartActivity("fhir.search Patient");
        activity?.SetTag("fhir.resource_type", "Patient"); // clean precision-names
        activity?.SetTag("fhir.search.identifier_system", NhsNumberSystem); // clean precision-names
        activity?.SetTag("url.query", query.ToQueryString()); // leak TC1001 strings

        var bundle = await fhir.SearchAsync<Patient>(query, cancellationToken);
        activity?.SetTag("fhir.bundle.total", bundle.Total); // clean precision-about
        if (bundle.Entry.Count > 1)
        {
            logger.LogWarning("NHS number search matched {Matches} patients", bundle.Entry.Count); // clean precision-about
        }

        var patient = bundle.Entry.Select(e => e.Resource).OfType<Patient>().FirstOrDefault();
        if (patient is null)
        {
            return null;
        }

        activity?.SetTag("fhir.patient.logical_id", patient.Id); // leak TC1001 direct
        activity?.SetTag(InterchangeAttributes.SubjectId, pseudonymizer.ComputeInterchangeSubjectId(nhsNumber)); // clean precision-pseudonym
        activity?.SetTag("fhir.patient.identifier_systems", string.Join(' ', patient.Identifier.Select(i => i.System))); // clean precision-names

        var official = patient.Name.FirstOrDefault(n => n.Use == NameUse.Official) ?? patient.Name.FirstOrDefault();
        activity?.SetTag("fhir.patient.name_use", official?.Use?.ToString()); // clean precision-names
        logger.LogDebug("Matched {PatientName}", official); // leak TC1001 logging-objects

        var email = patient.Telecom.FirstOrDefault(t => t.System == ContactPointSystem.Email)?.Value;
        activity?.SetTag("fhir.patient.email_domain", email?[(email.IndexOf('@') + 1)..]); // clean precision-about
        return patient;
    }

    public async Task<Patient?> ReadAsync(string logicalId, CancellationToken cancellationToken)
    {
        try
        {
            return await fhir.ReadAsync<Patient>($"Patient/{logicalId}", cancellationToken);
        }
        catch (FhirOperationException ex) when (ex.Status == 404)
        {
            logger.LogInformation(ex, "Patient read returned 404"); // leak TC1001 exceptions
            return null;
        }
    }

    public async Task<Encounter?> ReadEncounterAsync(string encounterId, CancellationToken cancellationToken)
    {
        try
        {
            return await fhir.ReadAsync<Encounter>($"Encounter/{encounterId}", cancellationToken);
        }
        catch (FhirOperationException ex) when (ex.Status == 404)
        {
            logger.LogInformation(ex, "Encounter read returned 404"); // clean exceptions
            return null;
        }
    }

    public async Task<Bundle> RecentHeartRatesAsync(string patientLogicalId, CancellationToken cancellationToken)
    {
        var query = new SearchParams().Add("subject", $"Patient/{patientLogicalId}").Add("code", HeartRate).Add("_sort", "-date").LimitTo(20);
        logger.LogDebug("GET Observation?{Query}", query.ToQueryString()); // leak TC1001 strings
        return await fhir.SearchAsync<Observation>(query, cancellationToken);
    }

    public async Task<int> HeartRateCountSinceAsync(DateOnly since, CancellationToken cancellationToken)
    {
        var query = new SearchParams().Add("code", HeartRate).Add("date", $"ge{since:yyyy-MM-dd}").Add("_summary", "count");
        logger.LogDebug("GET Observation?{Query}", query.ToQueryString()); // clean strings
        var bundle = await fhir.SearchAsync<Observation>(query, cancellationToken);
        return bundle.Total ?? 0;
    }
}
