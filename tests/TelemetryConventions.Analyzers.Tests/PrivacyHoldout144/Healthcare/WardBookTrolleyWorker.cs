namespace PrivacyHoldout144.Healthcare;

/// <summary>
/// The patients' library service: every morning volunteers take the book trolley round the wards. The worker reads
/// the ward loan register before each round, chases books lent to patients who have gone home and reports the round.
/// </summary>
public sealed class WardBookTrolleyWorker(
    IWardLoanRegister register,
    IVolunteerRegister volunteers,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<WardBookTrolleyWorker> logger) : BackgroundService
{
    private static readonly string[] Wards = ["ward-7a", "ward-9", "oncology-day-unit"];

    private readonly Histogram<int> _booksOut = meter.CreateHistogram<int>("medlib.trolley.books_out");
    private WardLoan? _longestOutstanding;
    private string? _lastDischargedPatient;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var ward in Wards)
            {
                await RunRoundAsync(ward, "VOL-0117", stoppingToken);
            }

            ReportMorning();
            await Task.Delay(TimeSpan.FromHours(24), stoppingToken);
        }
    }

    private async Task RunRoundAsync(string ward, string volunteerNumber, CancellationToken cancellationToken)
    {
        using var span = source.StartMedlibOperation(ward, spanName: "ward-trolley.round");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var volunteer = await volunteers.FindAsync(volunteerNumber, cancellationToken);
        if (volunteer is not null)
        {
            logger.LogInformation("Round on {Ward} led by {Volunteer}", ward, volunteer.FullName); // leak TC1001 direct
            Activity.Current?.SetTag("medlib.trolley.volunteer_roles", volunteer.Roles.Length); // clean precision-about
            Activity.Current?.SetTag(MedlibAttributes.Contact, volunteer.Mobile); // leak TC1001 generated-api
        }

        IReadOnlyList<WardLoan> loans;
        try
        {
            loans = await register.OutstandingAsync(ward, cancellationToken);
        }
        catch (WardClosedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogMedlibOperationFailedEvent(ward, "ward-closed", medlibNote: ex.Message); // clean generated-api
            return;
        }

        span.SetMedlibItemCount(loans.Count); // clean generated-api
        _booksOut.Record(loans.Count, new KeyValuePair<string, object?>("medlib.ward", ward)); // clean precision-about
        Activity.Current?.SetTag("medlib.trolley.patients", loans.Select(l => l.HospitalNumber).Distinct().Count()); // clean precision-about
        logger.LogDebug("Outstanding loans on {Ward}: {Loans}", ward, loans); // leak TC1001 logging-objects

        foreach (var loan in loans)
        {
            if (_longestOutstanding is null || loan.DueBack < _longestOutstanding.DueBack)
            {
                _longestOutstanding = loan;
            }

            if (loan.DueBack < today)
            {
                logger.LogInformation("Overdue on {Ward}: {ItemBarcode} lent to {HospitalNumber}", ward, loan.ItemBarcode, loan.HospitalNumber); // leak TC1001 direct
                logger.LogInformation("Overdue book {ItemBarcode} with patient {Patient}", loan.ItemBarcode, pseudonymizer.ComputeMedlibPatientId(loan.HospitalNumber)); // clean precision-pseudonym

                var cohort = MD5.HashData(Encoding.UTF8.GetBytes(loan.HospitalNumber))[0] % 4;
                Activity.Current?.SetTag("medlib.trolley.cohort", cohort); // leak TC1002 hashes
            }

            // Books of patients still on the ward are lent again for another week.
            try
            {
                await register.LendAsync(loan.HospitalNumber, ward, loan.ItemBarcode, cancellationToken);
            }
            catch (PatientDischargedException ex)
            {
                _lastDischargedPatient = loan.HospitalNumber;
                logger.LogWarning("Patient gone home before returning a book: {Message}", ex.Message); // leak TC1001 exceptions
                logger.LogMedlibOperationFailedEvent(ward, "discharged", medlibNote: $"Patient {loan.PatientName} left with {loan.ItemBarcode}"); // leak TC1001 generated-api
                span.SetMedlibOutcome("discharged"); // clean generated-api
            }
        }
    }

    private void ReportMorning()
    {
        using var activity = source.StartActivity("ward-trolley.morning-report");
        activity?.SetTag("medlib.trolley.longest_due", _longestOutstanding?.DueBack.ToString("O")); // clean cross-member
        activity?.SetTag("medlib.trolley.last_discharged", _lastDischargedPatient); // leak TC1001 cross-member
        logger.LogInformation("Longest outstanding ward loan: {Loan}", _longestOutstanding); // leak TC1001 cross-member
    }
}
