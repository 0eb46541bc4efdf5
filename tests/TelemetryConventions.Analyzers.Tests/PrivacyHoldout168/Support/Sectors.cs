namespace Lending.Sectors;

// Each industry's side of lending.

// Healthcare: self-pay treatment finance, staff mortgage references.

/// <summary>A patient's request to spread a self-pay treatment. Prints NHS number, name, email, date of birth, postcode, treatment, cost, deposit and term.</summary>
public sealed record TreatmentFinanceRequest(string NhsNumber, string PatientName, string Email, DateOnly DateOfBirth, string Postcode, string Treatment, decimal Cost, decimal Deposit, int TermMonths);

/// <summary>A lender's request for a mortgage reference. Prints lender reference, staff number, lender's contact email and lender.</summary>
public sealed record EmploymentReferenceRequest(string LenderReference, string StaffNumber, string LenderContactEmail, string LenderName);

/// <summary>The reference HR sends. Prints staff number, grade, basic salary, contract type and start date.</summary>
public sealed record EmploymentReference(string StaffNumber, string Grade, decimal BasicSalary, string ContractType, DateOnly StartDate);

/// <summary>A self-pay instalment plan. Prints plan id, NHS number, outstanding, missed instalments and hospital.</summary>
public sealed record SelfPayPlan(string PlanId, string NhsNumber, decimal Outstanding, int MissedInstalments, string HospitalCode);

/// <summary>No patient with that NHS number; quotes it.</summary>
public sealed class PatientNotRegisteredException(string nhsNumber) : Exception($"NHS number {nhsNumber} is not registered at this trust");

// Education: student loans, hardship loans, accommodation guarantors.

/// <summary>The Student Loans Company's attendance confirmation. Prints CRN, student number, term and status.</summary>
public sealed record SlcConfirmation(string CustomerReferenceNumber, string StudentNumber, string Term, string Status);

/// <summary>A hardship loan request. Prints student number, amount, reason and campus.</summary>
public sealed record HardshipLoanRequest(string StudentNumber, decimal Amount, string Reason, string Campus);

/// <summary>The student is not enrolled; quotes the student number.</summary>
public sealed class StudentNotEnrolledException(string studentNumber) : Exception($"Student {studentNumber} has no active enrolment");

// Energy: credit checks, deposits, green mortgages.

/// <summary>An energy customer. Prints account number, holder name, email, meter serial, MPAN and region.</summary>
public sealed record EnergyCustomer(string AccountNumber, string HolderName, string Email, string MeterSerial, string Mpan, string Region);

/// <summary>A green mortgage lender's request for a property's energy data. Prints lender reference, MPAN and postcode.</summary>
public sealed record GreenMortgageRequest(string LenderReference, string Mpan, string PropertyPostcode);

/// <summary>An EPC summary: rating and annual consumption; names no one.</summary>
public sealed record EpcSummary(string Rating, int AnnualKwh);

/// <summary>No meter for that MPAN; quotes the MPAN.</summary>
public sealed class SupplyPointNotFoundException(string mpan) : Exception($"No supply point {mpan}");

// Gaming: pay later, chargebacks.

/// <summary>A player's wallet. Prints player id, gamertag, email and country.</summary>
public sealed record PlayerWallet(Guid PlayerId, string Gamertag, string Email, string Country);

/// <summary>A pay-later order. Prints order id, player id, amount, instalments and SKU.</summary>
public sealed record PayLaterOrder(string OrderId, Guid PlayerId, decimal Amount, int Instalments, string Sku);

/// <summary>A chargeback. Prints dispute id, player id, order id, amount and reason code.</summary>
public sealed record Chargeback(string DisputeId, Guid PlayerId, string OrderId, decimal Amount, string ReasonCode);

/// <summary>The player is blocked from credit; quotes the gamertag.</summary>
public sealed class PlayerCreditBlockedException(string gamertag) : Exception($"Player {gamertag} is blocked from pay later");

// Media: device finance.

/// <summary>A device finance agreement. Prints agreement number, subscriber id, model, device serial, monthly and term.</summary>
public sealed record DeviceFinanceAgreement(string AgreementNumber, Guid SubscriberId, string DeviceModel, string DeviceSerial, decimal Monthly, int TermMonths);

/// <summary>A missed payment. Prints agreement number, subscriber id, amount due and attempt.</summary>
public sealed record MissedPayment(string AgreementNumber, Guid SubscriberId, decimal AmountDue, int Attempt);

/// <summary>The bureau's webhook: event id, search reference, the bureau's consumer id and status.</summary>
public sealed record BureauWebhook(string EventId, string SearchReference, string ConsumerId, string Status);

/// <summary>The device is already on finance; quotes the device serial.</summary>
public sealed class DeviceAlreadyFinancedException(string deviceSerial) : Exception($"Device {deviceSerial} is already on an agreement");

// Retail: store cards.

/// <summary>A store card application. Prints application id, customer number, name, email, date of birth, postcode, income and store.</summary>
public sealed record StoreCardApplication(string ApplicationId, string CustomerNumber, string FullName, string Email, DateOnly DateOfBirth, string Postcode, decimal AnnualIncome, string StoreCode);

/// <summary>The till's credit terminal declined; quotes the terminal's reason code only.</summary>
public sealed class TerminalDeclinedException(string reasonCode) : Exception($"Terminal declined: {reasonCode}");

// Transport: car finance, season ticket loans, repossessions.

/// <summary>A car finance proposal. Prints proposal id, customer number, dealer, registration, cash price, deposit and guarantor number.</summary>
public sealed record CarFinanceProposal(string ProposalId, string CustomerNumber, string DealerCode, string VehicleRegistration, decimal CashPrice, decimal Deposit, string? GuarantorNumber);

/// <summary>A season ticket loan. Prints loan id, employee number, route and amount.</summary>
public sealed record SeasonTicketLoanRequest(string LoanId, string EmployeeNumber, string Route, decimal Amount);

/// <summary>A repossession instruction. Prints agreement number, registration, keeper name and address.</summary>
public sealed record RepossessionInstruction(string AgreementNumber, string VehicleRegistration, string KeeperName, string Address);

/// <summary>The vehicle is not on the agreement; quotes the registration.</summary>
public sealed class VehicleMismatchException(string registration) : Exception($"Vehicle {registration} is not on the agreement");
