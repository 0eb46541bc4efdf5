namespace PrivacyHoldout197.Healthcare;

public sealed record ClinicianReport(string ReportId, string LicenceNumber, string PatientName, string ClinicianGmcNumber, string ConditionCode, bool FitToDrive, string Summary);

/// <summary>Takes clinicians' fitness-to-drive reports off a queue and forwards them to the licensing authority.</summary>
public sealed class ClinicianReportWorker(IQueueReceiver<ClinicianReport> queue, LicenceRegister register, Pseudonymizer pseudonymizer,
    ILogger<ClinicianReportWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.ClinicianReports");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var report = await queue.ReceiveAsync(stoppingToken);
            if (report is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("clinician.report");
            activity?.SetTag("report.id", report.ReportId); // clean precision-names
            activity?.SetTag("report.fit_to_drive", report.FitToDrive); // clean precision-about
            activity?.SetTag("report.condition", report.ConditionCode); // clean precision-about
            activity?.SetTag("report.patient", PatientOf(report)); // leak TC1001 cross-member
            activity?.SetTag("report.patient_ref", pseudonymizer.Compute(Spaces.Candidate, report.LicenceNumber)); // clean precision-pseudonym
            activity?.SetTag("report.clinician", report.ClinicianGmcNumber); // leak TC1001 direct
            activity?.SetTag("report.summary_words", report.Summary.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            var text = new StringBuilder().Append("Report ").Append(report.ReportId).Append(" for ").Append(report.PatientName).ToString();
            logger.LogInformation(text); // leak TC1001 strings
            logger.LogInformation(string.Join(", ", report.ReportId, report.ConditionCode, report.FitToDrive ? "fit" : "unfit")); // clean strings
            logger.LogDebug("Report summary: {Summary}", report.Summary); // leak TC1001 direct
            try
            {
                var licence = await register.FindAsync(report.LicenceNumber, stoppingToken) ?? throw new LicenceNotFoundException(report.LicenceNumber);
                activity?.SetTag("report.categories", string.Join(",", licence.Categories)); // clean precision-about
            }
            catch (LicenceNotFoundException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Report {Report} failed: {Error}", report.ReportId, ex.GetType().Name); // clean exceptions
            }
        }
    }

    private static string PatientOf(ClinicianReport report) => report.LicenceNumber;
}
