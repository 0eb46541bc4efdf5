using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Data;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout9.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout9.Healthcare;

/// <summary>Loads the nightly patient extract: mrn,family_name,email,ward,admitted.</summary>
public sealed class PatientCsvImporter(ILogger<PatientCsvImporter> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Hospital.Intake");
    private const int MrnColumn = 0;
    private const int EmailColumn = 2;

    public int Import(string fileName, IReadOnlyList<string> lines)
    {
        using var job = Source.StartIntakeJob("patient-extract");
        job.SetIntakeBatchSize(lines.Count - 1);
        var activity = Activity.Current;
        activity?.SetTag("import.mrn_column", MrnColumn); // clean precision-names
        var imported = 0;
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length < 5)
            {
                logger.LogWarning("Skipping malformed row {Row} in {File}", line, fileName); // leak TC1001 strings
                job.AddIntakeRowRejectedEvent($"expected 5 columns, got {fields.Length}"); // clean generated-api
                continue;
            }

            var mrn = fields[MrnColumn];
            activity?.SetTag("patient.mrn", mrn); // leak TC1001 direct
            activity?.SetTag("patient.email_domain", fields[EmailColumn].Split('@').Last()); // clean precision-about
            activity?.SetTag("patient.family_name", fields[1]); // leak TC1001 direct
            activity?.SetTag("patient.ward", fields[3]); // clean direct
            job.SetIntakeSubjectId(pseudonymizer.PseudonymizeIntakeSubjectId(mrn)); // clean precision-pseudonym
            meter.CreateIntakeRowsCounter().Add(1, "patient-extract", pseudonymizer.PseudonymizeIntakeSubjectId(mrn)); // leak TC1003 generated-api
            imported++;
        }

        return imported;
    }
}

/// <summary>Reads admissions from the ward system's XML feed and referral subjects from mail.</summary>
public sealed class AdmissionFeedReader(ILogger<AdmissionFeedReader> logger, Pseudonymizer pseudonymizer)
{
    private static readonly Regex ReferralPattern = new(@"REF-(?<mrn>\d{7})-(?<clinic>[A-Z]{3})", RegexOptions.Compiled);

    public void ReadAdmission(XDocument doc)
    {
        var activity = Activity.Current;
        var mrn = doc.Element("Patient")?.Element("Mrn")?.Value ?? string.Empty;
        var nhsNumber = (string?)doc.Root?.Attribute("nhsNumber");
        activity?.SetTag("admission.patient", mrn); // leak TC1001 direct
        activity?.SetTag("admission.has_nhs_number", nhsNumber is not null); // clean precision-about
        activity?.SetTag("admission.subject", pseudonymizer.PseudonymizeIntakeSubjectId(mrn).Value); // clean precision-pseudonym
        logger.LogInformation("Admission for NHS number {NhsNumber} parsed", nhsNumber); // leak TC1001 direct
        activity?.SetTag("admission.mrn_length", mrn.Length); // clean precision-about
        if (mrn.Length != 7)
        {
            var error = new InvalidDataException($"Admission feed carried a malformed MRN '{mrn}'");
            activity?.AddException(error); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name); // clean exceptions
        }
    }

    public void ReadReferral(string subject)
    {
        var match = ReferralPattern.Match(subject);
        if (!match.Success)
        {
            return;
        }

        Activity.Current?.SetTag("referral.clinic", match.Groups["clinic"].Value); // clean direct
        Activity.Current?.SetTag("referral.mrn", match.Groups["mrn"].Value); // leak TC1001 direct
    }

    public IEnumerable<string> ReadNhsNumbers(IDataReader reader)
    {
        var ordinal = reader.GetOrdinal("nhs_number");
        while (reader.Read())
        {
            yield return reader.GetString(ordinal);
        }
    }
}

public sealed class NhsNumberExportJob(ILogger<NhsNumberExportJob> logger, AdmissionFeedReader feed)
{
    public void Run(IDataReader reader)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var nhsNumber in feed.ReadNhsNumbers(reader))
        {
            if (!seen.Add(nhsNumber))
            {
                logger.LogWarning("Duplicate NHS number {NhsNumber} in export", nhsNumber); // leak TC1001 cross-member
            }
        }

        logger.LogInformation("Export held {Distinct} distinct patients", seen.Count); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["export.rows"] = seen.Count }); // clean logging-objects
    }
}
