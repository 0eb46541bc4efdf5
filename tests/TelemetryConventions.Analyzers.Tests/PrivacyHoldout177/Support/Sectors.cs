namespace Arrears.Sectors;

/// <summary>An overseas visitor's unpaid NHS invoice: invoice number, NHS number, patient name, amount, trust site.</summary>
public sealed record OverseasVisitorInvoice(string InvoiceNumber, string NhsNumber, string PatientName, decimal Amount, string Site);

/// <summary>A salary overpayment being recovered from a member of staff: staff number, name, amount, directorate.</summary>
public sealed record SalaryOverpayment(string StaffNumber, string EmployeeName, decimal Amount, string Directorate);

/// <summary>A student's tuition or accommodation debt: student number, name, email, amount owed, faculty.</summary>
public sealed record TuitionDebt(string StudentNumber, string StudentName, string Email, decimal Owed, string Faculty);

/// <summary>An energy account's arrears as published to the arrears topic (keyed by account number).</summary>
public sealed record ArrearsChanged(string AccountNumber, string MeterSerial, decimal Arrears, int DaysInArrears, string Region);

/// <summary>A prepayment meter's debt recovery setting: meter serial, debt, weekly recovery rate.</summary>
public sealed record MeterDebt(string MeterSerial, decimal Debt, decimal WeeklyRecoveryRate);

/// <summary>A player's chargeback debt: player id, gamertag, amount, platform.</summary>
public sealed record ChargebackDebt(string PlayerId, string Gamertag, decimal Amount, string Platform, string ChargebackId);

/// <summary>A subscriber's arrears on a streaming or licence plan: subscriber id, holder name, postcode, amount.</summary>
public sealed record SubscriptionArrears(string SubscriberId, string HolderName, string Postcode, decimal Owed, string Plan);

/// <summary>A store card account in arrears: card account number, customer name, mobile, arrears, missed payments.</summary>
public sealed record StoreCardArrears(string CardAccountNumber, string CustomerName, string Mobile, decimal Arrears, int MissedPayments);

/// <summary>A missed buy-now-pay-later instalment: order id, customer email, amount, instalment number.</summary>
public sealed record MissedInstalment(string OrderId, string CustomerEmail, decimal Amount, int InstalmentNumber);

/// <summary>An unpaid penalty fare passed to recovery: notice number, passenger name, email, address, amount.</summary>
public sealed record PenaltyFareDebt(string NoticeNumber, string PassengerName, string Email, string Address, decimal Amount);

/// <summary>A season ticket loan in arrears after a leaver: employee number, name, outstanding amount.</summary>
public sealed record SeasonTicketLoanArrears(string EmployeeNumber, string EmployeeName, decimal Outstanding, string Depot);

/// <summary>No such student on the finance system; quotes the student number.</summary>
public sealed class StudentAccountNotFoundException(string studentNumber) : Exception($"No finance account for student {studentNumber}");

/// <summary>The chargeback was reversed by the card scheme; quotes the chargeback id.</summary>
public sealed class ChargebackReversedException(string chargebackId) : Exception($"Chargeback {chargebackId} reversed by the scheme");
