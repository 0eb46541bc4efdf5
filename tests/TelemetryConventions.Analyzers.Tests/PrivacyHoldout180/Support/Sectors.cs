namespace Donation.Sectors;

/// <summary>A student signing up at a campus blood drive: student number, name, university email, campus, drive.</summary>
public sealed record StudentDonorSignUp(string StudentNumber, string StudentName, string UniversityEmail, string Campus, string DriveId);

/// <summary>A person registered with the medical school's body donation programme: registrant number, name, next of kin's name and phone, school.</summary>
public sealed record BodyDonationRegistrant(string RegistrantNumber, string FullName, string NextOfKinName, string NextOfKinPhone, string MedicalSchool);

/// <summary>A priority services register entry: account number, MPAN, customer name, phone, need code, home dialysis.</summary>
public sealed record PriorityServicesRecord(string AccountNumber, string Mpan, string CustomerName, string Phone, string NeedCode, bool HomeDialysis);

/// <summary>Paid leave for a member of staff to donate: staff number, name, depot, date, hours.</summary>
public sealed record StaffDonorLeave(string StaffNumber, string StaffName, string Depot, DateOnly Date, int Hours);

/// <summary>A player who registered as a donor through the in-game campaign: player id, gamertag, email, campaign, reward.</summary>
public sealed record DonorCampaignSignUp(string PlayerId, string Gamertag, string Email, string CampaignId, string RewardSku);

/// <summary>A reward granted for a campaign; names no one.</summary>
public sealed record RewardGrant(string GrantId, string RewardSku, string CampaignId, string Platform);

/// <summary>A pledge to the appeal: pledge id, subscriber id, caller's name and phone, programme, amount.</summary>
public sealed record AppealPledge(string PledgeId, string SubscriberId, string CallerName, string CallerPhone, string Programme, decimal Amount);

/// <summary>A contributor's consent to appear: contributor id, name, agent's email, programme, on camera.</summary>
public sealed record ContributorConsent(string ContributorId, string ContributorName, string AgentEmail, string Programme, bool OnCamera);

/// <summary>A letter read on air: letter id, episode, seconds. Names no one.</summary>
public sealed record LetterReading(string LetterId, string Episode, int Seconds);

/// <summary>A loyalty member's booking at a car-park session: loyalty card number, name, mobile, store, session.</summary>
public sealed record LoyaltyDonorBooking(string LoyaltyCardNumber, string CustomerName, string Mobile, string Store, string SessionId);

/// <summary>Points given for donating: loyalty card number, points, store.</summary>
public sealed record DonorReward(string LoyaltyCardNumber, int Points, string Store);

/// <summary>A colleague's donor leave: colleague number, name, store, hours.</summary>
public sealed record ColleagueDonorLeave(string ColleagueNumber, string ColleagueName, string Store, int Hours);

/// <summary>A courier run: run id, rider id, rider's name and phone, from and to hospitals, transport box, contents.</summary>
public sealed record CourierRun(string RunId, string RiderId, string RiderName, string RiderPhone, string FromHospital, string ToHospital, string BoxId, string Contents);

/// <summary>An organ moved to a transplant centre: transfer id, organ type, the recipient's NHS number, centre, flight.</summary>
public sealed record OrganTransfer(string TransferId, string OrganType, string RecipientNhsNumber, string DestinationCentre, string Flight);

/// <summary>Free travel to a donation session: railcard number, passenger's name, email, session.</summary>
public sealed record DonorTravelPass(string RailcardNumber, string PassengerName, string Email, string SessionId);
