namespace PrivacyHoldout153.Education;

/// <summary>Reads the community dental service's school inspection results from its queue and counts urgent referrals.</summary>
public sealed class DentalInspectionConsumer(
    IQueueReceiver<DentalInspection> receiver,
    IScreeningRoster roster,
    Pseudonymizer pseudonymizer,
    ILogger<DentalInspectionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("HighStreet.Screening.Dental");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var inspection = await receiver.ReceiveAsync(stoppingToken);
            if (inspection is null)
            {
                continue;
            }

            using var span = Source.StartScreeningOperation(inspection.SchoolUrn);
            span.SetScreeningTest("dental-inspection"); // clean precision-about
            span.SetScreeningPupilId(pseudonymizer.PseudonymizeScreeningPupilId(inspection.Upn)); // clean generated-api
            Activity.Current?.SetTag("screening.inspection.id", inspection.InspectionId); // clean precision-names
            Activity.Current?.SetTag("screening.decayed_teeth", inspection.DecayedTeeth); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("screening.inspection.received", tags: new ActivityTagsCollection { ["upn"] = inspection.Upn })); // leak TC1001 direct

            if (inspection.UrgentReferral)
            {
                Meter.CreateScreeningChecksCounter().Add(1, inspection.SchoolUrn, screeningOutcome: "urgent"); // clean generated-api
                Meter.CreateScreeningChecksCounter().Add(1, inspection.SchoolUrn, screeningOutcome: $"urgent:{inspection.Upn}"); // leak TC1003 generated-api
                span.SetScreeningNote(DescribeUrgent(inspection)); // leak TC1001 strings
                span.SetScreeningNote(SchoolLine(inspection)); // clean strings
            }

            try
            {
                var pupils = await roster.ListAsync(inspection.SchoolUrn, stoppingToken);
                if (pupils.All(p => p.Upn != inspection.Upn))
                {
                    throw new PupilNotOnRollException(inspection.Upn);
                }
            }
            catch (PupilNotOnRollException ex)
            {
                span.SetScreeningOutcome(ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Inspection {InspectionId} rejected: {Error}", inspection.InspectionId, ex.GetType().Name); // clean exceptions
            }
            catch (RoundClosedException ex)
            {
                logger.LogWarning(ex, "Inspection {InspectionId} arrived after the round closed", inspection.InspectionId); // clean exceptions
            }
        }
    }

    private static readonly Meter Meter = new("HighStreet.Screening.Dental");

    private static string DescribeUrgent(DentalInspection inspection) =>
        $"Urgent referral for {inspection.Upn}: {inspection.DecayedTeeth} decayed";

    private static string SchoolLine(DentalInspection inspection) =>
        $"Urgent referral at {inspection.SchoolUrn}: {inspection.DecayedTeeth} decayed";
}
