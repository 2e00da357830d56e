using System.Collections.Concurrent;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Validation;
using Designer.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Server.EngineHost;

/// <summary>
/// The engine's shared parts (calendar, script sandbox, registry, parsed definitions) and a way to make an engine
/// for one unit of work (its forms and quota ledger differ per application).
/// </summary>
public sealed class EngineHost
{
    private readonly ConcurrentDictionary<string, WorkflowDefinition> _definitions = new();

    private readonly World.WorldVocabulary _world;

    public EngineHost(IOptions<DesignerOptions> options, IClock clock, World.WorldVocabulary world, ILogger<EngineHost> log,
        Committee.CommitteeDirectory committees)
    {
        _world = world;
        Clock = clock;
        Committees = committees;
        var calendarFile = options.Value.CalendarFile;
        if (File.Exists(calendarFile)) Calendar = WorkingDayCalendar.Load(calendarFile);
        else
        {
            log.LogWarning("Calendar {File} not found: counting weekends only", calendarFile);
            Calendar = WorkingDayCalendar.WeekendsOnly;
        }
        Scripts = new JintScriptSandbox(SandboxLimits.Default, Calendar);
        _calendarInForce = CalendarInForce.NationalOnly(Calendar);
    }

    private volatile CalendarInForce _calendarInForce;

    private (Designer.Engine.Domain.VocabularySet Vocabulary, CalendarInForce Calendar)? _withParents;

    /// <summary>
    /// The windows and holiday overlays saved in the database (Calendar.CalendarStore replaces it after each edit), with
    /// the localities' parents as the vocabulary holds them now.
    /// </summary>
    public CalendarInForce CalendarInForce
    {
        get
        {
            var (vocabulary, calendar) = (Vocabulary, _calendarInForce);
            if (_withParents is { } cached && ReferenceEquals(cached.Vocabulary, vocabulary) && ReferenceEquals(cached.Calendar.Windows, calendar.Windows)
                && ReferenceEquals(cached.Calendar.Holidays, calendar.Holidays)) return cached.Calendar;
            var withParents = calendar.WithParents(LocalityParents.Of(vocabulary));
            _withParents = (vocabulary, withParents);
            return withParents;
        }
        set => _calendarInForce = value;
    }

    public IClock Clock { get; }
    public IWorkingDayCalendar Calendar { get; }
    public IScriptSandbox Scripts { get; }
    public ActivityRegistry Registry => ActivityRegistry.Default;
    /// <summary>The committees vote steps name, as data (a snapshot the server refreshes after every committee write).</summary>
    public Engine.Committees.ICommitteeCatalog Committees { get; }

    public WorkflowEngine Engine(IFormCatalog forms, IQuotaLedger quotas) => new(new EngineServices
    {
        Clock = Clock, Calendar = Calendar, CalendarInForce = CalendarInForce, Scripts = Scripts, Forms = forms, Quotas = quotas, Registry = Registry, Committees = Committees,
        CertificateNumbers = CertificateNumbers.Random,
    });

    /// <summary>The vocabulary and localities as the database holds them now.</summary>
    public Designer.Engine.Domain.VocabularySet Vocabulary => _world.Current;

    public WorkflowValidator Validator(IFormCatalog? forms) => new(Registry, forms, Scripts, Vocabulary, Committees);

    /// <summary>The parsed definition of a saved version; cached, since a saved version's JSON changes only with its token.</summary>
    public WorkflowDefinition Definition(string definitionId, int version, string concurrencyToken, string json) =>
        _definitions.GetOrAdd(DefinitionKey(definitionId, version, concurrencyToken), _ => WorkflowDefinitionReader.Parse(json, $"{definitionId} v{version}"));

    /// <summary>The cached definition of a version's token, or null: an action then need not read the version's JSON at all.</summary>
    public WorkflowDefinition? CachedDefinition(string definitionId, int version, string concurrencyToken) =>
        _definitions.TryGetValue(DefinitionKey(definitionId, version, concurrencyToken), out var definition) ? definition : null;

    private static string DefinitionKey(string definitionId, int version, string concurrencyToken) => $"{definitionId}@{version}#{concurrencyToken}";
}
