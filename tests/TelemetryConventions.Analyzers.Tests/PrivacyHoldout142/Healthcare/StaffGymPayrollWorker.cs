namespace PrivacyHoldout142.Healthcare;

/// <summary>A staff gym sign-up from the intranet form. Prints assignment number, full name, work email, ward, plan and whether paid by salary deduction.</summary>
public sealed record StaffGymSignUp(string AssignmentNumber, string FullName, string WorkEmail, string Ward, string PlanCode, bool SalaryDeduction);

/// <summary>A line for payroll's monthly deduction file. Prints assignment number, amount and period.</summary>
public sealed record DeductionLine(string AssignmentNumber, decimal Amount, string Period);

/// <summary>
/// Takes staff gym sign-ups off the intranet queue, creates the memberships, collects the monthly salary deduction
/// lines for payroll, and freezes or cancels memberships when staff go on leave or leave the trust.
/// </summary>
public sealed class StaffGymPayrollWorker(
    IQueueReceiver<StaffGymSignUp> queue,
    IMemberDirectory members,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<StaffGymPayrollWorker> logger) : BackgroundService
{
    private readonly Counter<long> _signUps = meter.CreateCounter<long>("staffgym.signups", "{signup}");
    private readonly List<DeductionLine> _pending = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var signUp = await queue.ReceiveAsync(stoppingToken);
            if (signUp is null)
            {
                continue;
            }

            using var span = source.StartStaffgymOperation("staff-gym-payroll");
            span.SetStaffgymMemberId(pseudonymizer.PseudonymizeStaffgymMemberId(signUp.AssignmentNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("staffgym.ward", signUp.Ward); // clean precision-about
            Activity.Current?.SetTag("staffgym.signup.email_domain", signUp.WorkEmail[(signUp.WorkEmail.IndexOf('@') + 1)..]); // clean precision-about
            Activity.Current?.SetTag(StaffgymAttributes.Contact, signUp.WorkEmail); // leak TC1001 generated-api
            Activity.Current?.SetBaggage("staffgym.assignment", signUp.AssignmentNumber); // leak TC1001 direct
            StaffGymLog.SignUpReceived(logger, signUp.AssignmentNumber, signUp.PlanCode); // clean logging-objects

            var names = signUp.FullName.Split(' ', 2);
            try
            {
                var plan = await members.PlanAsync(signUp.PlanCode, stoppingToken);
                var result = await members.CreateAsync(new SignUpRequest(names[0], names.ElementAtOrDefault(1) ?? string.Empty, signUp.WorkEmail, string.Empty, DateOnly.MinValue, string.Empty, signUp.PlanCode, "staff-gym", null), stoppingToken);
                logger.LogInformation("Created {Result}", result); // leak TC1001 logging-objects
                logger.LogInformation("Agreement {AgreementId} starts {StartsOn}", result.AgreementId, result.StartsOn); // clean precision-names
                logger.LogInformation("Plan {Plan}", plan); // clean logging-objects
                if (signUp.SalaryDeduction)
                {
                    _pending.Add(new DeductionLine(signUp.AssignmentNumber, plan.MonthlyFee, DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
                }

                _signUps.Add(1, new KeyValuePair<string, object?>("plan", signUp.PlanCode), new("salary_deduction", signUp.SalaryDeduction)); // clean precision-names
            }
            catch (DuplicateMemberException ex)
            {
                logger.LogWarning(ex, "Duplicate staff sign-up"); // leak TC1001 exceptions
                logger.LogWarning("Duplicate on field {Field}", ex.Field); // clean exceptions
                logger.LogStaffgymOperationFailedEvent("staff-gym-payroll", "duplicate", staffgymNote: ex.Message); // leak TC1001 generated-api
            }
            catch (PlanClosedException ex)
            {
                logger.LogStaffgymOperationFailedEvent("staff-gym-payroll", "plan-closed", staffgymNote: ex.Message); // clean generated-api
                _signUps.Add(1, new KeyValuePair<string, object?>("outcome", ex.GetType().Name)); // clean exceptions
            }
        }
    }

    public void FlushDeductions(string period)
    {
        logger.LogInformation("Deductions for {Period}: {Count} lines, {Total}", period, _pending.Count, _pending.Sum(l => l.Amount)); // clean precision-about
        logger.LogDebug("Deduction lines {Lines}", _pending); // leak TC1001 cross-member
        _pending.Clear();
    }

    public async Task FreezeForLeaveAsync(string assignmentNumber, DateOnly from, DateOnly until, string leaveType, CancellationToken cancellationToken)
    {
        var decision = await members.FreezeAsync(new FreezeRequest(assignmentNumber, from, until, leaveType, null), cancellationToken);
        logger.LogInformation("Freeze {Decision}", decision); // clean logging-objects
        logger.LogInformation("Freeze for {MemberKey} approved={Approved}", assignmentNumber.GetHashCode(), decision.Approved); // leak TC1002 hashes
        Activity.Current?.SetTag("staffgym.freeze.days", decision.Days); // clean precision-about
    }

    public async Task CancelForLeaverAsync(string assignmentNumber, DateOnly lastDay, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await members.CancelAsync(new CancellationRequest(assignmentNumber, "left-trust", null, lastDay), cancellationToken);
            StaffGymLog.LeaverCancelled(logger, assignmentNumber); // leak TC1001 logging-objects
            logger.LogInformation("Leaver cancellation {Outcome}", outcome); // clean logging-objects
        }
        catch (MinimumTermException ex)
        {
            logger.LogWarning(ex, "Leaver inside minimum term until {Earliest}", ex.Earliest); // clean exceptions
        }
        catch (MemberNotFoundException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }
    }
}

internal static partial class StaffGymLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Staff gym sign-up for {AssignmentNumber} on {PlanCode}")]
    public static partial void SignUpReceived(ILogger logger, [PrivateData] string assignmentNumber, string planCode);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Staff gym leaver {AssignmentNumber} cancelled")]
    public static partial void LeaverCancelled(ILogger logger, string assignmentNumber);
}
