namespace PrivacyHoldout213.Support;

// The allotment and garden platform's records. Members, applicants, volunteers, inspectors, donors and the people
// named in notices are people; plots, sites, invoices, loans, tools, work days, inspections, notices and trees are things.

public sealed record PlotTenant(string MemberNumber, string FullName, string Email, string Mobile, string Postcode);

public sealed record PlotSummary(string PlotRef, string SiteId, decimal AreaPoles, int WaitingCount);

public sealed record WaitingListEntry(string ApplicationRef, string ApplicantName, string ApplicantEmail, int Position, string SiteId);

public sealed record RentInvoice(string InvoiceNumber, string PlotRef, string MemberNumber, decimal Amount, DateOnly DueDate);

public sealed record InvoiceTotals(string SiteId, int Issued, decimal Outstanding);

public sealed record WorkDay(string WorkDayId, string SiteId, DateOnly Date, int Places);

public sealed record VolunteerSignUp(string VolunteerId, string Name, string Mobile, string WorkDayId);

public sealed record ToolLoan(string LoanId, string ToolTag, string BorrowerMemberNumber, DateOnly DueBack);

public sealed record ToolStock(string ToolTag, string Kind, bool Available);

public sealed record GateCodeChange(string SiteId, string NewCode, DateOnly From);

public sealed record InspectionReport(string InspectionId, string PlotRef, string InspectorStaffNumber, int CultivationScore, string Notes);

public sealed record InspectionOutcome(string InspectionId, string PlotRef, int CultivationScore, bool Passed);

public sealed record EvictionNotice(string NoticeId, string PlotRef, string TenantName, string ReasonCode, string ReasonText);

public sealed record TreeDedication(string TreeId, string Species, string DedicatedTo, string DonorEmail);

public sealed record TreePlanting(string TreeId, string Species, double Latitude, double Longitude, string SiteId);

/// <summary>A gardener's profile as the club app shows it; no <c>ToString</c> of its own.</summary>
public sealed class GardenerProfile
{
    public required string MemberNumber { get; init; }

    public required string DisplayName { get; init; }

    public int YearsOnSite { get; init; }
}

public sealed class TenantNotFoundException(string memberNumber)
    : Exception($"No plot tenant with member number {memberNumber}");

public sealed class RentArrearsException(string tenantName, decimal owed)
    : Exception($"{tenantName} owes {owed:0.00} in plot rent");

public sealed class VolunteerUnavailableException(string mobile)
    : Exception($"Volunteer on {mobile} did not confirm the work day");

public sealed class PaymentDeclinedException(string bankAccount)
    : Exception($"Direct debit from account {bankAccount} was declined");

public sealed class PlotNotVacantException(string plotRef)
    : Exception($"Plot {plotRef} is not vacant");

public sealed class SiteClosedException(string siteId, string reason)
    : Exception($"Site {siteId} is closed: {reason}");

public sealed class ToolOverdueException(string toolTag, int days)
    : Exception($"Tool {toolTag} is {days} days overdue");

/// <summary>The allotment register: tenants, plots and the waiting list. A system of record, not telemetry.</summary>
public sealed class AllotmentRegister
{
    public PlotTenant FindTenant(string memberNumber) =>
        new(memberNumber, "Ada Greenwood", "ada@example.org", "07700900123", "LS6 2AB");

    public PlotTenant? TenantOfPlot(string plotRef) =>
        new("M-20417", "Ada Greenwood", "ada@example.org", "07700900123", "LS6 2AB");

    public PlotSummary Plot(string plotRef) => new(plotRef, "site-01", 5m, 12);

    public WaitingListEntry AddToWaitingList(string name, string email, string siteId) =>
        new("WL-" + Guid.NewGuid().ToString("N")[..8], name, email, 13, siteId);

    public IReadOnlyList<WaitingListEntry> WaitingList(string siteId) =>
        [new("WL-0001", "Ben Marsh", "ben@example.org", 1, siteId)];

    public void Offer(string applicationRef, string plotRef)
    {
    }

    public void Record(EvictionNotice notice)
    {
    }
}

/// <summary>The rent ledger and the direct debit bureau.</summary>
public sealed class RentLedger
{
    public RentInvoice Raise(string plotRef, string memberNumber, decimal amount, DateOnly due) =>
        new("INV-" + plotRef, plotRef, memberNumber, amount, due);

    public InvoiceTotals Totals(string siteId) => new(siteId, 40, 312.50m);

    public void Collect(RentInvoice invoice, string bankAccount)
    {
    }
}

/// <summary>The volunteer rota for work days.</summary>
public sealed class VolunteerRota
{
    public WorkDay Day(string workDayId) => new(workDayId, "site-01", DateOnly.FromDateTime(DateTime.Today), 20);

    public VolunteerSignUp SignUp(string volunteerId, string name, string mobile, string workDayId) =>
        new(volunteerId, name, mobile, workDayId);

    public void Remind(string mobile, string text)
    {
    }
}

/// <summary>The tool library's stock and loans.</summary>
public sealed class ToolLibrary
{
    public ToolStock Stock(string toolTag) => new(toolTag, "rotavator", true);

    public ToolLoan Lend(string toolTag, string memberNumber, DateOnly dueBack) =>
        new("LN-" + toolTag, toolTag, memberNumber, dueBack);

    public IReadOnlyList<ToolLoan> Overdue() => [];
}

/// <summary>The sites' gate keypads and fob readers.</summary>
public sealed class GateSystem
{
    public GateCodeChange Rotate(string siteId) => new(siteId, "4471", DateOnly.FromDateTime(DateTime.Today));

    public string IssueFob(string memberNumber) => "FOB-" + memberNumber;
}

/// <summary>Plot inspections.</summary>
public sealed class InspectionBook
{
    public InspectionReport Record(string plotRef, string inspectorStaffNumber, int score, string notes) =>
        new("INS-" + plotRef, plotRef, inspectorStaffNumber, score, notes);
}

/// <summary>Letters, emails and texts to tenants, volunteers and donors.</summary>
public sealed class TenantMailer
{
    public void Send(string email, string subject, string body)
    {
    }

    public void Text(string mobile, string body)
    {
    }
}

/// <summary>The tree register: plantings and dedications.</summary>
public sealed class TreeRegister
{
    public TreePlanting Plant(string species, double latitude, double longitude, string siteId) =>
        new("TR-" + Guid.NewGuid().ToString("N")[..6], species, latitude, longitude, siteId);

    public TreeDedication Dedicate(string treeId, string dedicatedTo, string donorEmail) =>
        new(treeId, "oak", dedicatedTo, donorEmail);
}
