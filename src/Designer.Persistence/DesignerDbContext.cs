using Designer.Persistence.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>
/// Everything the server keeps, on SQLite or PostgreSQL. The Data Protection keys (cookies, antiforgery tokens) live
/// here too, so every node over one database reads the cookies of every other.
/// </summary>
public sealed class DesignerDbContext(DbContextOptions<DesignerDbContext> options) : IdentityDbContext<DesignerUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<WorkflowDefinitionRecord> Workflows => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowVersionRecord> WorkflowVersions => Set<WorkflowVersionRecord>();
    public DbSet<FormRecord> Forms => Set<FormRecord>();
    public DbSet<FormVersionRecord> FormVersions => Set<FormVersionRecord>();
    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();
    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();
    public DbSet<JournalEntryRecord> JournalEntries => Set<JournalEntryRecord>();
    public DbSet<CommitteeSessionRecord> CommitteeSessions => Set<CommitteeSessionRecord>();
    public DbSet<CommitteeCandidateRecord> CommitteeCandidates => Set<CommitteeCandidateRecord>();
    public DbSet<CertificateRecord> Certificates => Set<CertificateRecord>();
    public DbSet<QuotaRecord> Quotas => Set<QuotaRecord>();
    public DbSet<QuotaReservationRecord> QuotaReservations => Set<QuotaReservationRecord>();
    public DbSet<ComplaintRecord> Complaints => Set<ComplaintRecord>();
    public DbSet<AuditRecord> AuditEntries => Set<AuditRecord>();
    public DbSet<ExpertRecord> Experts => Set<ExpertRecord>();
    public DbSet<CommitteeRecord> Committees => Set<CommitteeRecord>();
    public DbSet<CommitteeDrawRecord> CommitteeDraws => Set<CommitteeDrawRecord>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<TitleHeldRecord> TitlesHeld => Set<TitleHeldRecord>();
    public DbSet<EducationHoursRecord> EducationHours => Set<EducationHoursRecord>();
    public DbSet<EducationRegistrarRecord> EducationRegistrars => Set<EducationRegistrarRecord>();
    public DbSet<IntegrityRecordEntity> IntegrityRecords => Set<IntegrityRecordEntity>();
    public DbSet<CalendarEntryRecord> CalendarEntries => Set<CalendarEntryRecord>();
    public DbSet<VocabularyEntryRecord> VocabularyEntries => Set<VocabularyEntryRecord>();
    public DbSet<LocalityRecord> Localities => Set<LocalityRecord>();
    public DbSet<CountyRecord> Counties => Set<CountyRecord>();
    public DbSet<OrganisationRecord> Organisations => Set<OrganisationRecord>();
    public DbSet<RecommendationDraftRecord> RecommendationDrafts => Set<RecommendationDraftRecord>();

    /// <summary>
    /// Every time is stored in UTC; SQLite gives DateTime back without a kind, so it is marked UTC on read (otherwise
    /// JSON carries no zone and browsers in China show times eight hours off). A value without a kind is taken as UTC
    /// (PostgreSQL's timestamptz refuses one).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // OAuth/OpenID Connect: client applications, authorizations (sign-in sessions), scopes and tokens.
        builder.UseOpenIddict();

        builder.Entity<VocabularyEntryRecord>(e => e.HasKey(v => new { v.Kind, v.Code }));
        builder.Entity<LocalityRecord>(e =>
        {
            e.HasKey(l => l.Code);
            e.HasMany(l => l.Counties).WithOne().HasForeignKey(c => c.Locality).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CountyRecord>(e => e.HasKey(c => new { c.Locality, c.Code }));
        builder.Entity<OrganisationRecord>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.Locality, o.Kind });
        });

        builder.Entity<WorkflowDefinitionRecord>(e =>
        {
            e.HasKey(w => w.DefinitionId);
            e.HasIndex(w => w.Locality);
            e.HasMany(w => w.Versions).WithOne().HasForeignKey(v => v.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<WorkflowVersionRecord>(e =>
        {
            e.HasIndex(v => new { v.DefinitionId, v.Version }).IsUnique();
            e.Property(v => v.ConcurrencyToken).IsConcurrencyToken();
        });

        builder.Entity<FormRecord>(e =>
        {
            e.HasKey(f => f.FormId);
            e.HasMany(f => f.Versions).WithOne().HasForeignKey(v => v.FormId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<FormVersionRecord>(e =>
        {
            e.HasIndex(v => new { v.FormId, v.Version }).IsUnique();
            e.Property(v => v.ConcurrencyToken).IsConcurrencyToken();
        });

        builder.Entity<CalendarEntryRecord>(e => e.HasIndex(c => new { c.Kind, c.Locality }));

        builder.Entity<ApplicationRecord>(e =>
        {
            e.HasIndex(a => a.ApplicantUserId);
            e.HasIndex(a => a.Locality);
            e.HasIndex(a => a.NextDueAt);
            // Admin lists, newest first (the id breaks ties): everything, and one locality's. Pages are found in these
            // indexes alone and only the page's rows are read.
            e.HasIndex(a => new { a.UpdatedAt, a.Id });
            e.HasIndex(a => new { a.Locality, a.UpdatedAt, a.Id });
            e.Property(a => a.Revision).IsConcurrencyToken();
        });
        builder.Entity<JournalEntryRecord>(e => e.HasKey(j => new { j.ApplicationId, j.Sequence }));
        builder.Entity<TaskRecord>(e =>
        {
            e.HasIndex(t => t.ApplicationId);
            // Inboxes at scale: open tasks of an organisation's role, and open tasks by due date.
            e.HasIndex(t => new { t.IsOpen, t.Org, t.Role });
            // Also the inbox of those who see every task (in order, kind read from the index).
            e.HasIndex(t => new { t.IsOpen, t.DueDate, t.CreatedAt, t.Id, t.Kind }).HasDatabaseName("IX_Tasks_IsOpen_DueDate");
            // An inbox page, one index per part of TaskFilters.ReadableParts: the part's equalities, then the inbox
            // order (due date, creation, id), so a part is counted in its index alone and its first page read in order
            // (InboxPage merges the parts). The role part also holds what the unit and county rules filter on.
            e.HasIndex(t => new { t.IsOpen, t.Kind, t.Org, t.Role, t.AssignedUser, t.DueDate, t.CreatedAt, t.Id, t.Locality, t.ResolvedOrg })
                .HasDatabaseName("IX_Tasks_InboxByRole");
            e.HasIndex(t => new { t.IsOpen, t.Kind, t.AssignedUser, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("IX_Tasks_InboxByAssignee");
            e.HasIndex(t => new { t.IsOpen, t.Kind, t.ApplicantUserId, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("IX_Tasks_InboxByApplicant");
            e.HasIndex(t => new { t.IsOpen, t.Kind, t.Locality, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("IX_Tasks_InboxByLocality");
        });
        builder.Entity<NotificationRecord>(e => e.HasIndex(n => new { n.UserId, n.ReadAt }));
        builder.Entity<RecommendationDraftRecord>(e => e.HasKey(d => new { d.Locality, d.DefinitionId, d.Unit }));

        builder.Entity<CommitteeSessionRecord>(e =>
            e.HasMany(s => s.Candidates).WithOne().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade));
        builder.Entity<CommitteeCandidateRecord>(e => e.HasIndex(c => c.ApplicationId));
        builder.Entity<ExpertRecord>(e =>
        {
            e.HasIndex(x => new { x.Locality, x.Series });
            e.HasIndex(x => x.Unit);
        });
        builder.Entity<CommitteeRecord>(e => e.HasIndex(c => c.Locality));
        builder.Entity<CommitteeDrawRecord>(e => e.HasKey(d => d.SessionId));

        builder.Entity<CertificateRecord>(e =>
        {
            e.HasKey(c => c.Number);
            e.Property(c => c.Status).HasDefaultValue(CertificateStatuses.Valid);
        });
        builder.Entity<TitleHeldRecord>(e =>
        {
            e.HasIndex(t => t.UserName);
            e.Property(t => t.Status).HasDefaultValue(TitleStatuses.Valid);
        });
        builder.Entity<EducationHoursRecord>(e => e.HasIndex(h => new { h.UserName, h.Year }));
        builder.Entity<EducationRegistrarRecord>(e => e.HasIndex(r => new { r.Locality, r.Category }));
        builder.Entity<IntegrityRecordEntity>(e => e.HasIndex(r => r.UserName));
        builder.Entity<QuotaRecord>(e =>
        {
            e.HasIndex(q => new { q.Unit, q.PostKind, q.Level }).IsUnique();
            e.Property(q => q.Revision).IsConcurrencyToken();
            e.Property(q => q.Status).HasDefaultValue(QuotaStatuses.Filed);
            e.HasIndex(q => q.Locality);
        });
        builder.Entity<ComplaintRecord>(e => e.HasIndex(c => new { c.Locality, c.Status, c.DueOn }));
        builder.Entity<QuotaReservationRecord>(e => e.HasIndex(r => new { r.Unit, r.PostKind, r.Level, r.InstanceId }).IsUnique());
        // One self-registered account per ID number and locality (accounts without an ID number have null and never collide).
        builder.Entity<DesignerUser>(e => e.HasIndex(u => new { u.Locality, u.IdNumberHash }).IsUnique());
    }
}
