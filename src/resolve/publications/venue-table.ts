/**
 * Short names of well-known venues, for entries without `_venue`: "Proceedings of the 37th International
 * Conference on Machine Learning" is shown as `ICML`.
 *
 * Each row is a short name and the full names it stands for. Full names are compared after `venueKey`
 * folds away what changes from year to year or from one .bib file to the next: "Proceedings of (the)",
 * ordinals ("37th", "Thirty-Seventh"), years, "Annual", "International", the sponsor in front (IEEE, ACM,
 * IEEE/CVF, USENIX, ...), a trailing acronym in parentheses, punctuation and case. The comparison is
 * exact after that folding, so a workshop held at a conference ("Workshop on X at NeurIPS") keeps its own
 * name. Rows written as a `RegExp` match the folded key with that expression instead.
 */

export type VenueRow = readonly [short: string, ...names: (string | RegExp)[]];

export const VENUE_TABLE: readonly VenueRow[] = [
  // Preprint servers.
  ['arXiv', /^arxiv\b/, /^arxiv preprint/, 'corr', 'computing research repository'],
  ['bioRxiv', /^biorxiv\b/],
  ['medRxiv', /^medrxiv\b/],
  ['ChemRxiv', /^chemrxiv\b/],
  ['SSRN', /^ssrn\b/, 'social science research network'],
  ['OpenReview', 'openreview', 'openreview net'],

  // Machine learning.
  [
    'NeurIPS',
    'advances in neural information processing systems',
    'neural information processing systems',
    'conference on neural information processing systems',
    'nips',
    'neurips',
  ],
  ['ICML', 'conference on machine learning', 'icml'],
  ['ICLR', 'conference on learning representations', 'learning representations', 'iclr'],
  [
    'AISTATS',
    'conference on artificial intelligence and statistics',
    'artificial intelligence and statistics',
    'aistats',
  ],
  [
    'UAI',
    'conference on uncertainty in artificial intelligence',
    'uncertainty in artificial intelligence',
    'uai',
  ],
  ['COLT', 'conference on learning theory', 'conference on computational learning theory', 'colt'],
  ['ALT', 'conference on algorithmic learning theory', 'algorithmic learning theory'],
  [
    'AAAI',
    'aaai conference on artificial intelligence',
    'conference on artificial intelligence',
    'national conference on artificial intelligence',
    'aaai',
  ],
  ['IJCAI', 'joint conference on artificial intelligence', 'ijcai'],
  [
    'KDD',
    'sigkdd conference on knowledge discovery and data mining',
    'conference on knowledge discovery and data mining',
    'knowledge discovery and data mining',
    'sigkdd',
    'kdd',
  ],
  [
    'ECML-PKDD',
    'european conference on machine learning and principles and practice of knowledge discovery in databases',
    'joint european conference on machine learning and knowledge discovery in databases',
    'machine learning and knowledge discovery in databases',
  ],
  ['ACML', 'asian conference on machine learning'],
  [
    'L4DC',
    'learning for dynamics and control',
    'learning for dynamics and control conference',
    'conference on learning for dynamics and control',
  ],
  ['CoLLAs', 'conference on lifelong learning agents'],
  ['AutoML', 'conference on automated machine learning', 'automl conference'],
  ['MLSys', 'conference on machine learning and systems', 'machine learning and systems', 'mlsys', 'sysml'],
  ['JMLR', 'journal of machine learning research', 'jmlr', 'j mach learn res'],
  ['TMLR', 'transactions on machine learning research', 'tmlr'],
  ['MLJ', 'machine learning journal'],
  ['Neural Comput.', 'neural computation'],
  ['TNNLS', 'transactions on neural networks and learning systems'],
  ['TPAMI', 'transactions on pattern analysis and machine intelligence', 'pami', 'tpami'],
  ['AIJ', 'artificial intelligence journal'],
  ['JAIR', 'journal of artificial intelligence research'],
  ['Nat. Mach. Intell.', 'nature machine intelligence'],
  ['FTML', 'foundations and trends in machine learning'],
  ['WSDM', 'conference on web search and data mining', 'web search and data mining'],
  ['ICDM', 'conference on data mining', 'icdm'],
  ['SDM', 'sdm'],
  ['RecSys', 'conference on recommender systems', 'recsys'],
  ['ICAPS', 'conference on automated planning and scheduling'],
  [
    'AAMAS',
    'conference on autonomous agents and multiagent systems',
    'conference on autonomous agents and multi agent systems',
    'aamas',
  ],
  ['EC', 'conference on economics and computation', 'economics and computation'],

  // Computer vision and graphics.
  [
    'CVPR',
    'conference on computer vision and pattern recognition',
    'computer vision and pattern recognition',
    'cvpr',
  ],
  ['ICCV', 'conference on computer vision', 'iccv'],
  ['ECCV', 'european conference on computer vision', 'eccv'],
  ['WACV', 'winter conference on applications of computer vision', 'wacv'],
  ['BMVC', 'british machine vision conference', 'bmvc'],
  ['3DV', 'conference on 3d vision'],
  ['ACCV', 'asian conference on computer vision'],
  ['IJCV', 'journal of computer vision', 'ijcv'],
  ['TIP', 'transactions on image processing'],
  ['CVIU', 'computer vision and image understanding'],
  ['ICIP', 'conference on image processing'],
  ['ICPR', 'conference on pattern recognition'],
  [
    'SIGGRAPH',
    'siggraph',
    'special interest group on computer graphics and interactive techniques conference',
    'conference on computer graphics and interactive techniques',
  ],
  ['SIGGRAPH Asia', 'siggraph asia'],
  ['TOG', 'transactions on graphics', 'tog'],
  ['TVCG', 'transactions on visualization and computer graphics', 'tvcg'],
  ['Eurographics', 'eurographics'],
  ['CGF', 'computer graphics forum'],
  ['IEEE VIS', 'visualization conference', 'ieee vis'],
  [
    'MICCAI',
    'medical image computing and computer assisted intervention',
    'conference on medical image computing and computer assisted intervention',
    'miccai',
  ],
  ['TMI', 'transactions on medical imaging'],
  ['MedIA', 'medical image analysis'],
  ['MIDL', 'medical imaging with deep learning'],
  ['ISBI', 'symposium on biomedical imaging'],

  // Natural language processing and speech.
  [
    'ACL',
    'meeting of the association for computational linguistics',
    'association for computational linguistics',
    'acl',
  ],
  [
    'Findings of ACL',
    'findings of the association for computational linguistics',
    /^findings association for computational linguistics acl\b/,
  ],
  ['Findings of EMNLP', /^findings association for computational linguistics emnlp\b/],
  [
    'EMNLP',
    'conference on empirical methods in natural language processing',
    'empirical methods in natural language processing',
    'emnlp',
  ],
  [
    'NAACL',
    'conference of the north american chapter of the association for computational linguistics',
    'conference of the north american chapter of the association for computational linguistics human language technologies',
    'naacl',
    'naacl hlt',
  ],
  ['EACL', 'conference of the european chapter of the association for computational linguistics', 'eacl'],
  ['AACL', 'conference of the asia pacific chapter of the association for computational linguistics'],
  ['COLING', 'conference on computational linguistics', 'coling'],
  ['CoNLL', 'conference on computational natural language learning', 'conll'],
  [
    'LREC',
    'language resources and evaluation conference',
    'conference on language resources and evaluation',
    'lrec',
  ],
  ['TACL', 'transactions of the association for computational linguistics', 'tacl'],
  ['Comput. Linguist.', 'computational linguistics'],
  ['INTERSPEECH', 'interspeech', 'conference of the speech communication association'],
  ['ICASSP', 'conference on acoustics speech and signal processing', 'icassp'],
  ['TASLP', 'transactions on audio speech and language processing'],
  ['ASRU', 'automatic speech recognition and understanding workshop'],
  ['ISMIR', 'society for music information retrieval conference', 'ismir'],
  [
    'SIGIR',
    'sigir conference on research and development in information retrieval',
    'conference on research and development in information retrieval',
    'sigir',
  ],
  ['CIKM', 'conference on information and knowledge management', 'cikm'],
  [
    'WWW',
    'world wide web conference',
    'web conference',
    'the web conference',
    'conference on world wide web',
    'www',
  ],
  ['ICWSM', 'conference on web and social media'],

  // Robotics and control.
  ['ICRA', 'conference on robotics and automation', 'icra'],
  [
    'IROS',
    'conference on intelligent robots and systems',
    'rsj conference on intelligent robots and systems',
    'iros',
  ],
  ['RSS', 'robotics science and systems', 'robotics science and systems conference', 'rss'],
  ['CoRL', 'conference on robot learning', 'corl'],
  ['HRI', 'conference on human robot interaction', 'hri'],
  ['Humanoids', 'conference on humanoid robots', 'ras conference on humanoid robots'],
  ['CASE', 'conference on automation science and engineering'],
  ['ISER', 'symposium on experimental robotics'],
  ['WAFR', 'workshop on the algorithmic foundations of robotics', 'algorithmic foundations of robotics'],
  ['T-RO', 'transactions on robotics'],
  ['RA-L', 'robotics and automation letters', 'ral'],
  ['IJRR', 'journal of robotics research', 'ijrr'],
  ['Sci. Robot.', 'science robotics'],
  ['Auton. Robots', 'autonomous robots'],
  ['CDC', 'conference on decision and control', 'cdc'],
  ['ACC', 'american control conference', 'acc'],
  ['ECC', 'european control conference'],
  ['TAC', 'transactions on automatic control'],
  ['Automatica', 'automatica'],
  ['IFAC', 'ifac world congress', 'world congress of the international federation of automatic control'],
  ['TCST', 'transactions on control systems technology'],
  ['HSCC', 'conference on hybrid systems computation and control'],

  // Systems, networking, architecture, programming languages, software engineering.
  ['OSDI', 'symposium on operating systems design and implementation', 'osdi'],
  ['SOSP', 'symposium on operating systems principles', 'sosp'],
  ['EuroSys', 'european conference on computer systems', 'eurosys'],
  ['ATC', 'usenix annual technical conference', 'usenix atc'],
  ['NSDI', 'symposium on networked systems design and implementation', 'nsdi'],
  ['FAST', 'conference on file and storage technologies', 'fast'],
  ['ASPLOS', 'conference on architectural support for programming languages and operating systems', 'asplos'],
  ['ISCA', 'symposium on computer architecture', 'isca'],
  ['MICRO', 'symposium on microarchitecture', 'micro'],
  ['HPCA', 'symposium on high performance computer architecture', 'hpca'],
  ['SC', 'conference for high performance computing networking storage and analysis', 'supercomputing', 'sc'],
  ['PPoPP', 'symposium on principles and practice of parallel programming', 'ppopp'],
  [
    'SIGCOMM',
    'sigcomm',
    'conference of the acm special interest group on data communication',
    'conference on applications technologies architectures and protocols for computer communication',
  ],
  ['MobiCom', 'conference on mobile computing and networking', 'mobicom'],
  ['MobiSys', 'conference on mobile systems applications and services', 'mobisys'],
  ['SenSys', 'conference on embedded networked sensor systems', 'sensys'],
  ['INFOCOM', 'conference on computer communications', 'infocom'],
  ['IMC', 'internet measurement conference', 'imc'],
  ['CoNEXT', 'conference on emerging networking experiments and technologies'],
  ['SoCC', 'symposium on cloud computing', 'socc'],
  ['Middleware', 'middleware conference'],
  ['DSN', 'conference on dependable systems and networks'],
  [
    'PLDI',
    'conference on programming language design and implementation',
    'sigplan conference on programming language design and implementation',
    'pldi',
  ],
  [
    'POPL',
    'symposium on principles of programming languages',
    'sigplan sigact symposium on principles of programming languages',
    'popl',
  ],
  ['OOPSLA', 'conference on object oriented programming systems languages and applications', 'oopsla'],
  ['ICFP', 'conference on functional programming', 'sigplan conference on functional programming', 'icfp'],
  ['CGO', 'symposium on code generation and optimization'],
  ['CAV', 'conference on computer aided verification', 'computer aided verification', 'cav'],
  ['TACAS', 'conference on tools and algorithms for the construction and analysis of systems', 'tacas'],
  ['ICSE', 'conference on software engineering', 'icse'],
  [
    'FSE',
    'symposium on the foundations of software engineering',
    'joint meeting on european software engineering conference and symposium on the foundations of software engineering',
    'esec fse',
    'fse',
  ],
  ['ASE', 'conference on automated software engineering'],
  ['ISSTA', 'symposium on software testing and analysis', 'issta'],
  ['TOPLAS', 'transactions on programming languages and systems'],
  ['TOCS', 'transactions on computer systems'],
  ['TSE', 'transactions on software engineering'],
  ['CACM', 'communications of the acm', 'commun acm', 'cacm'],
  ['DAC', 'design automation conference', 'dac'],
  ['ICCAD', 'conference on computer aided design'],
  ['FPGA', 'symposium on field programmable gate arrays'],

  // Databases.
  ['SIGMOD', 'conference on management of data', 'sigmod conference on management of data', 'sigmod'],
  ['VLDB', 'conference on very large data bases', 'very large data bases', 'vldb'],
  ['PVLDB', 'pvldb', 'proceedings of the vldb endowment', 'vldb endowment'],
  ['ICDE', 'conference on data engineering', 'icde'],
  [
    'PODS',
    'symposium on principles of database systems',
    'sigmod sigact sigai symposium on principles of database systems',
    'pods',
  ],
  ['CIDR', 'conference on innovative data systems research', 'cidr'],
  ['EDBT', 'conference on extending database technology'],
  ['ICDT', 'conference on database theory'],
  ['TODS', 'transactions on database systems'],
  ['TKDE', 'transactions on knowledge and data engineering', 'tkde'],
  ['VLDB J.', 'the vldb journal', 'vldb journal'],

  // Security and privacy.
  [
    'IEEE S&P',
    'symposium on security and privacy',
    'ieee symposium on security and privacy',
    's p',
    'oakland',
  ],
  [
    'CCS',
    'conference on computer and communications security',
    'sigsac conference on computer and communications security',
    'ccs',
  ],
  ['USENIX Security', 'usenix security symposium', 'security symposium', 'usenix security'],
  ['NDSS', 'network and distributed system security symposium', 'ndss'],
  [
    'PETS',
    'privacy enhancing technologies symposium',
    'proceedings on privacy enhancing technologies',
    'privacy enhancing technologies',
    'pets',
    'popets',
  ],
  ['CRYPTO', 'cryptology conference', 'advances in cryptology crypto', 'crypto'],
  [
    'EUROCRYPT',
    'conference on the theory and applications of cryptographic techniques',
    'advances in cryptology eurocrypt',
    'eurocrypt',
  ],
  ['ASIACRYPT', 'advances in cryptology asiacrypt', 'asiacrypt'],
  ['CHES', 'conference on cryptographic hardware and embedded systems'],
  ['TCC', 'theory of cryptography conference', 'theory of cryptography'],
  ['ESORICS', 'european symposium on research in computer security', 'esorics'],
  [
    'ACSAC',
    'annual computer security applications conference',
    'computer security applications conference',
    'acsac',
  ],
  ['RAID', 'symposium on research in attacks intrusions and defenses', 'raid'],
  ['AsiaCCS', 'asia conference on computer and communications security', 'asiaccs'],
  ['EuroS&P', 'european symposium on security and privacy', 'euros p'],
  ['SOUPS', 'symposium on usable privacy and security', 'soups'],
  ['WiSec', 'conference on security and privacy in wireless and mobile networks'],
  [
    'FC',
    'financial cryptography and data security',
    'conference on financial cryptography and data security',
  ],
  ['TIFS', 'transactions on information forensics and security'],
  ['TDSC', 'transactions on dependable and secure computing'],
  ['J. Cryptol.', 'journal of cryptology'],
  ['IWCMC', 'wireless communications and mobile computing conference', 'iwcmc'],

  // Theory and algorithms.
  ['STOC', 'symposium on theory of computing', 'sigact symposium on theory of computing', 'stoc'],
  ['FOCS', 'symposium on foundations of computer science', 'focs'],
  ['SODA', 'symposium on discrete algorithms', 'acm siam symposium on discrete algorithms', 'soda'],
  ['ICALP', 'colloquium on automata languages and programming', 'icalp'],
  [
    'ITCS',
    'innovations in theoretical computer science conference',
    'innovations in theoretical computer science',
    'itcs',
  ],
  ['CCC', 'computational complexity conference'],
  ['ESA', 'european symposium on algorithms', 'esa'],
  ['STACS', 'symposium on theoretical aspects of computer science'],
  ['SoCG', 'symposium on computational geometry', 'socg'],
  ['PODC', 'symposium on principles of distributed computing', 'podc'],
  ['SPAA', 'symposium on parallelism in algorithms and architectures', 'spaa'],
  ['DISC', 'symposium on distributed computing'],
  [
    'APPROX',
    'approximation algorithms for combinatorial optimization problems',
    'approximation randomization and combinatorial optimization algorithms and techniques',
  ],
  [
    'IPCO',
    'conference on integer programming and combinatorial optimization',
    'integer programming and combinatorial optimization',
  ],
  ['LICS', 'symposium on logic in computer science', 'lics'],
  ['JACM', 'journal of the acm', 'j acm', 'jacm'],
  ['SICOMP', 'siam journal on computing', 'sicomp'],
  ['TALG', 'transactions on algorithms'],
  ['Math. Program.', 'mathematical programming'],
  ['SIOPT', 'siam journal on optimization'],
  ['Math. Oper. Res.', 'mathematics of operations research'],
  ['Oper. Res.', 'operations research'],
  ['INFORMS J. Comput.', 'informs journal on computing'],
  ['Manage. Sci.', 'management science'],

  // Human-computer interaction.
  [
    'CHI',
    'chi conference on human factors in computing systems',
    'conference on human factors in computing systems',
    'sigchi conference on human factors in computing systems',
    'human factors in computing systems',
    'chi',
  ],
  [
    'CHI EA',
    'extended abstracts of the chi conference on human factors in computing systems',
    'chi conference on human factors in computing systems extended abstracts',
    'chi extended abstracts',
  ],
  ['UIST', 'symposium on user interface software and technology', 'uist'],
  [
    'CSCW',
    'conference on computer supported cooperative work',
    'conference on computer supported cooperative work and social computing',
    'cscw',
  ],
  ['PACM HCI', 'proceedings of the acm on human computer interaction', 'acm on human computer interaction'],
  [
    'UbiComp',
    'conference on pervasive and ubiquitous computing',
    'joint conference on pervasive and ubiquitous computing',
    'ubicomp',
  ],
  [
    'IMWUT',
    'proceedings of the acm on interactive mobile wearable and ubiquitous technologies',
    'acm on interactive mobile wearable and ubiquitous technologies',
    'imwut',
  ],
  ['DIS', 'designing interactive systems conference', 'conference on designing interactive systems'],
  ['IUI', 'conference on intelligent user interfaces', 'iui'],
  [
    'ASSETS',
    'conference on computers and accessibility',
    'sigaccess conference on computers and accessibility',
    'assets',
  ],
  ['TOCHI', 'transactions on computer human interaction', 'tochi'],
  ['ICMI', 'conference on multimodal interaction'],
  ['ACM MM', 'conference on multimedia', 'acm multimedia', 'acm mm'],
  ['L@S', 'conference on learning at scale', 'learning scale'],
  ['FAccT', 'conference on fairness accountability and transparency', 'facct'],
  ['AIES', 'aaai acm conference on ai ethics and society', 'conference on ai ethics and society'],

  // General science.
  ['Nature', 'nature'],
  ['Science', 'science'],
  [
    'PNAS',
    'proceedings of the national academy of sciences',
    'national academy of sciences',
    'national academy of sciences of the united states of america',
    'pnas',
    'proc natl acad sci',
    'proc natl acad sci u s a',
    'proc natl acad sci usa',
  ],
  ['Nat. Commun.', 'nature communications', 'nat commun'],
  ['Sci. Adv.', 'science advances', 'sci adv'],
  ['Sci. Rep.', 'scientific reports', 'sci rep'],
  ['PLOS ONE', 'plos one', 'plos one'],
  ['eLife', 'elife'],
  [
    'Proc. R. Soc. A',
    'proceedings of the royal society a',
    'royal society a mathematical physical and engineering sciences',
  ],
  ['Proc. R. Soc. B', 'proceedings of the royal society b', 'royal society b biological sciences'],
  [
    'Phil. Trans. R. Soc. A',
    'philosophical transactions of the royal society a',
    'philosophical transactions of the royal society a mathematical physical and engineering sciences',
  ],

  // Physics.
  ['PRL', 'physical review letters', 'phys rev lett', 'prl'],
  ['PRX', 'physical review x', 'phys rev x', 'prx'],
  ['PRA', 'physical review a', 'phys rev a'],
  ['PRB', 'physical review b', 'phys rev b'],
  ['PRC', 'physical review c', 'phys rev c'],
  ['PRD', 'physical review d', 'phys rev d'],
  ['PRE', 'physical review e', 'phys rev e'],
  ['PR Research', 'physical review research', 'phys rev research'],
  ['PRX Quantum', 'prx quantum'],
  ['Phys. Rev. Applied', 'physical review applied', 'phys rev applied'],
  ['Phys. Rev. Fluids', 'physical review fluids', 'phys rev fluids'],
  ['Phys. Rev. Mater.', 'physical review materials', 'phys rev materials'],
  ['Rev. Mod. Phys.', 'reviews of modern physics', 'rev mod phys', 'rmp'],
  ['Nat. Phys.', 'nature physics', 'nat phys'],
  ['Nat. Photonics', 'nature photonics', 'nat photonics'],
  ['Nat. Mater.', 'nature materials', 'nat mater'],
  ['Nat. Nanotechnol.', 'nature nanotechnology', 'nat nanotechnol'],
  ['Nat. Astron.', 'nature astronomy', 'nat astron'],
  ['Nat. Rev. Phys.', 'nature reviews physics'],
  ['Quantum', 'quantum', 'quantum the open journal for quantum science'],
  ['npj Quantum Inf.', 'npj quantum information'],
  ['New J. Phys.', 'new journal of physics', 'new j phys'],
  ['J. Chem. Phys.', 'journal of chemical physics', 'j chem phys'],
  ['Appl. Phys. Lett.', 'applied physics letters', 'appl phys lett'],
  ['J. Appl. Phys.', 'journal of applied physics', 'j appl phys'],
  ['Nano Lett.', 'nano letters', 'nano lett'],
  ['Opt. Express', 'optics express', 'opt express'],
  ['Optica', 'optica'],
  ['Opt. Lett.', 'optics letters', 'opt lett'],
  ['JHEP', 'journal of high energy physics', 'j high energy phys', 'jhep'],
  ['Phys. Lett. B', 'physics letters b', 'phys lett b'],
  ['Nucl. Phys. B', 'nuclear physics b', 'nucl phys b'],
  ['Eur. Phys. J. C', 'european physical journal c', 'eur phys j c'],
  ['JCAP', 'journal of cosmology and astroparticle physics', 'jcap'],
  ['ApJ', 'astrophysical journal', 'the astrophysical journal', 'apj'],
  ['ApJL', 'astrophysical journal letters', 'the astrophysical journal letters', 'apjl'],
  ['ApJS', 'astrophysical journal supplement series', 'the astrophysical journal supplement series', 'apjs'],
  ['MNRAS', 'monthly notices of the royal astronomical society', 'mon not r astron soc', 'mnras'],
  ['A&A', 'astronomy and astrophysics', 'astron astrophys', 'a a'],
  ['AJ', 'the astronomical journal', 'astronomical journal'],
  ['Class. Quantum Grav.', 'classical and quantum gravity', 'class quantum grav'],
  ['J. Phys. A', 'journal of physics a mathematical and theoretical', 'j phys a'],
  ['J. Stat. Mech.', 'journal of statistical mechanics theory and experiment'],
  ['Commun. Math. Phys.', 'communications in mathematical physics', 'commun math phys'],
  ['J. Math. Phys.', 'journal of mathematical physics', 'j math phys'],
  ['Ann. Phys.', 'annals of physics', 'ann phys'],
  ['Phys. Rep.', 'physics reports', 'phys rep'],
  ['Rep. Prog. Phys.', 'reports on progress in physics', 'rep prog phys'],
  ['EPL', 'europhysics letters', 'epl'],
  ['Phys. Fluids', 'physics of fluids', 'phys fluids'],
  ['J. Fluid Mech.', 'journal of fluid mechanics', 'j fluid mech'],
  ['Phys. Plasmas', 'physics of plasmas'],
  ['Nucl. Fusion', 'nuclear fusion'],
  ['Chaos', 'chaos an interdisciplinary journal of nonlinear science'],
  ['Phys. Chem. Chem. Phys.', 'physical chemistry chemical physics'],
  ['JACS', 'journal of the american chemical society', 'j am chem soc', 'jacs'],
  ['Angew. Chem.', 'angewandte chemie', 'angewandte chemie international edition'],
  ['Nat. Chem.', 'nature chemistry', 'nat chem'],
  ['J. Phys. Chem. Lett.', 'journal of physical chemistry letters'],
  ['J. Chem. Theory Comput.', 'journal of chemical theory and computation', 'j chem theory comput'],
  ['Chem. Sci.', 'chemical science'],
  ['Adv. Mater.', 'advanced materials', 'adv mater'],

  // Biology.
  ['Cell', 'cell'],
  ['Mol. Cell', 'molecular cell'],
  ['Cell Syst.', 'cell systems'],
  ['Cell Rep.', 'cell reports'],
  ['Nat. Biotechnol.', 'nature biotechnology', 'nat biotechnol'],
  ['Nat. Methods', 'nature methods', 'nat methods'],
  ['Nat. Genet.', 'nature genetics', 'nat genet'],
  ['Nat. Struct. Mol. Biol.', 'nature structural and molecular biology'],
  ['Nat. Chem. Biol.', 'nature chemical biology'],
  ['Nat. Neurosci.', 'nature neuroscience', 'nat neurosci'],
  ['Nat. Cell Biol.', 'nature cell biology'],
  ['Nat. Microbiol.', 'nature microbiology'],
  ['Nat. Ecol. Evol.', 'nature ecology and evolution'],
  ['Nat. Comput. Sci.', 'nature computational science'],
  ['Nat. Rev. Genet.', 'nature reviews genetics'],
  ['Nat. Rev. Mol. Cell Biol.', 'nature reviews molecular cell biology'],
  ['Nat. Rev. Neurosci.', 'nature reviews neuroscience'],
  ['Neuron', 'neuron'],
  ['Bioinformatics', 'bioinformatics'],
  ['NAR', 'nucleic acids research', 'nucleic acids res', 'nar'],
  ['Genome Res.', 'genome research', 'genome res'],
  ['Genome Biol.', 'genome biology', 'genome biol'],
  ['PLOS Comput. Biol.', 'plos computational biology', 'plos comput biol'],
  ['PLOS Biol.', 'plos biology', 'plos biol'],
  ['PLOS Genet.', 'plos genetics', 'plos genet'],
  ['Mol. Syst. Biol.', 'molecular systems biology'],
  ['Mol. Biol. Evol.', 'molecular biology and evolution', 'mol biol evol'],
  ['Syst. Biol.', 'systematic biology'],
  ['Curr. Biol.', 'current biology', 'curr biol'],
  ['EMBO J.', 'the embo journal', 'embo journal'],
  ['J. Mol. Biol.', 'journal of molecular biology', 'j mol biol'],
  ['Biophys. J.', 'biophysical journal', 'biophys j'],
  ['J. Neurosci.', 'journal of neuroscience', 'the journal of neuroscience', 'j neurosci'],
  ['J. Neurophysiol.', 'journal of neurophysiology'],
  ['eNeuro', 'eneuro'],
  ['NeuroImage', 'neuroimage'],
  ['Cereb. Cortex', 'cerebral cortex'],
  ['Brain', 'brain'],
  ['Protein Sci.', 'protein science'],
  ['Proteins', 'proteins structure function and bioinformatics'],
  ['Structure', 'structure'],
  ['J. Chem. Inf. Model.', 'journal of chemical information and modeling'],
  [
    'ISMB',
    'intelligent systems for molecular biology',
    'conference on intelligent systems for molecular biology',
    'ismb',
  ],
  [
    'RECOMB',
    'conference on research in computational molecular biology',
    'research in computational molecular biology',
    'recomb',
  ],
  ['PSB', 'pacific symposium on biocomputing', 'psb'],
  ['BCB', 'conference on bioinformatics computational biology and health informatics'],
  ['MLCB', 'machine learning in computational biology'],
  ['BMC Bioinformatics', 'bmc bioinformatics'],
  ['Brief. Bioinform.', 'briefings in bioinformatics'],
  ['Evolution', 'evolution'],
  ['Ecol. Lett.', 'ecology letters'],
  ['Am. Nat.', 'the american naturalist', 'american naturalist'],

  // Medicine and health.
  ['NEJM', 'new england journal of medicine', 'the new england journal of medicine', 'n engl j med', 'nejm'],
  ['The Lancet', 'lancet', 'the lancet'],
  ['Lancet Digit. Health', 'the lancet digital health', 'lancet digital health'],
  ['JAMA', 'journal of the american medical association', 'jama'],
  ['JAMA Netw. Open', 'jama network open'],
  ['BMJ', 'british medical journal', 'bmj', 'the bmj'],
  ['Nat. Med.', 'nature medicine', 'nat med'],
  ['Sci. Transl. Med.', 'science translational medicine', 'sci transl med'],
  ['npj Digit. Med.', 'npj digital medicine'],
  ['PLOS Med.', 'plos medicine', 'plos med'],
  ['Ann. Intern. Med.', 'annals of internal medicine', 'ann intern med'],
  ['JCO', 'journal of clinical oncology', 'j clin oncol'],
  ['Cancer Cell', 'cancer cell'],
  ['Circulation', 'circulation'],
  ['Radiology', 'radiology'],
  ['JAMIA', 'journal of the american medical informatics association', 'j am med inform assoc', 'jamia'],
  ['JBI', 'journal of biomedical informatics'],
  ['AMIA', 'amia annual symposium', 'amia symposium', 'amia annual symposium proceedings'],
  ['MLHC', 'machine learning for healthcare conference', 'machine learning for healthcare', 'mlhc'],
  ['CHIL', 'conference on health inference and learning', 'chil'],
  ['Lancet Oncol.', 'the lancet oncology', 'lancet oncology'],
  ['Lancet Neurol.', 'the lancet neurology', 'lancet neurology'],
  ['Lancet Infect. Dis.', 'the lancet infectious diseases', 'lancet infectious diseases'],
  ['J. Clin. Invest.', 'journal of clinical investigation', 'the journal of clinical investigation'],
  ['Nat. Rev. Drug Discov.', 'nature reviews drug discovery'],
  ['Nat. Rev. Cancer', 'nature reviews cancer'],
  ['Nat. Immunol.', 'nature immunology'],
  ['Immunity', 'immunity'],
  ['Gastroenterology', 'gastroenterology'],
  ['Diabetes Care', 'diabetes care'],
  ['Eur. Heart J.', 'european heart journal'],
  ['IEEE TBME', 'transactions on biomedical engineering'],
  ['IEEE JBHI', 'journal of biomedical and health informatics'],

  // Signal processing, information theory, statistics, applied mathematics.
  ['TSP', 'transactions on signal processing'],
  ['TIT', 'transactions on information theory'],
  ['ISIT', 'symposium on information theory', 'isit'],
  [
    'Allerton',
    'allerton conference on communication control and computing',
    'conference on communication control and computing',
  ],
  ['JASA', 'journal of the american statistical association', 'j am stat assoc', 'jasa'],
  [
    'JRSS-B',
    'journal of the royal statistical society series b',
    'journal of the royal statistical society series b statistical methodology',
    'journal of the royal statistical society b',
  ],
  ['Ann. Statist.', 'annals of statistics', 'the annals of statistics', 'ann stat'],
  ['Biometrika', 'biometrika'],
  ['Bernoulli', 'bernoulli'],
  ['Stat. Sci.', 'statistical science'],
  ['SIAM Rev.', 'siam review'],
  ['SIAM J. Sci. Comput.', 'siam journal on scientific computing'],
  ['SIAM J. Numer. Anal.', 'siam journal on numerical analysis'],
  ['SIAM J. Control Optim.', 'siam journal on control and optimization'],
  ['SIAM J. Imaging Sci.', 'siam journal on imaging sciences'],
  ['J. Comput. Phys.', 'journal of computational physics', 'j comput phys'],
  ['Found. Comput. Math.', 'foundations of computational mathematics'],
  ['Numer. Math.', 'numerische mathematik'],
  ['TOMS', 'transactions on mathematical software'],
  ['Ann. Math.', 'annals of mathematics'],
  ['Invent. Math.', 'inventiones mathematicae'],
  ['Acta Numer.', 'acta numerica'],
];

/** One short name of the user's `venues:` (YAML key: a full name, or `/regex/flags`). */
export interface UserVenue {
  readonly pattern: string;
  readonly short: string;
}

export interface VenueMatcher {
  /** The short name of a full venue name, or undefined when no row knows it. */
  shorten(full: string): string | undefined;
}

const ENGLISH_ORDINALS =
  /\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)\b/g;

/** Sponsors and words that vary in front of the same venue name; dropped from the key. */
const NOISE_WORDS = new Set([
  'ieee',
  'acm',
  'cvf',
  'usenix',
  'siam',
  'rsj',
  'international',
  'annual',
  'in',
  'proc',
  'procs',
  'proceedings',
  'the',
  'on',
  'of',
  'and',
  'conf',
  'vol',
  'volume',
  'part',
  'pmlr',
  'lncs',
]);

/**
 * The comparison key of a venue name: accents and case folded, `&` as `and`, "Proceedings of the 37th",
 * years, ordinals, editions, sponsors and small words dropped, the rest as words joined by single spaces.
 * "Proceedings of the 37th International Conference on Machine Learning (ICML 2020)" and "ICML" give the
 * same key as "conference machine learning" once the trailing acronym is split off (see `venueCandidates`).
 */
export function venueKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b(?:19|20)\d\d\b|'\d\d\b/g, ' ')
    .replace(/\b\d+(?:st|nd|rd|th)\b/g, ' ')
    .replace(ENGLISH_ORDINALS, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '' && !NOISE_WORDS.has(w) && !/^\d+$/.test(w))
    .join(' ');
}

/**
 * The keys a venue name is looked up under, best first: the whole name; the acronym in trailing
 * parentheses (`... (ICML 2020)` gives `icml`); the name without them; the part before a colon or comma.
 */
export function venueCandidates(name: string): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    const key = venueKey(s);
    if (key !== '' && !out.includes(key)) out.push(key);
  };
  add(name);
  const paren = /\(([^()]*)\)\s*$/.exec(name);
  if (paren?.[1] !== undefined) {
    add(paren[1]);
    add(name.slice(0, paren.index));
  }
  const head = /^([^:,]+)[:,]/.exec(name);
  if (head?.[1] !== undefined) add(head[1]);
  return out;
}

interface VenuePattern {
  readonly re: RegExp;
  readonly short: string;
  readonly onKey: boolean;
}

interface BuiltInVenues {
  readonly exact: ReadonlyMap<string, string>;
  readonly patterns: readonly VenuePattern[];
}

let builtIn: BuiltInVenues | undefined;

/** The table's names by key, and its patterns: computed once (~1 ms; every load made a matcher). */
function builtInVenues(): BuiltInVenues {
  if (builtIn === undefined) {
    const exact = new Map<string, string>();
    const patterns: VenuePattern[] = [];
    for (const [short, ...names] of VENUE_TABLE) {
      for (const name of names) {
        if (typeof name === 'string') {
          const key = venueKey(name);
          if (key !== '' && !exact.has(key)) exact.set(key, short);
        } else patterns.push({ re: name, short, onKey: true });
      }
    }
    builtIn = { exact, patterns };
  }
  return builtIn;
}

/** A matcher of the built-in table, with the user's `venues:` first. */
export function venueMatcher(user: readonly UserVenue[] = []): VenueMatcher {
  const patterns: VenuePattern[] = [];
  const userExact = new Map<string, string>();
  for (const { pattern, short } of user) {
    const re = /^\/(.+)\/([a-z]*)$/.exec(pattern);
    if (re?.[1] !== undefined) {
      try {
        patterns.push({ re: new RegExp(re[1], re[2]), short, onKey: false });
        continue;
      } catch {
        // not a valid expression: compared as a name
      }
    }
    const key = venueKey(pattern);
    if (key !== '') userExact.set(key, short);
  }
  const userPatternCount = patterns.length;
  const table = builtInVenues();
  const exact = table.exact;
  patterns.push(...table.patterns);
  const cache = new Map<string, string | undefined>();
  return {
    shorten(full: string): string | undefined {
      if (cache.has(full)) return cache.get(full);
      const candidates = venueCandidates(full);
      let found: string | undefined;
      for (let i = 0; i < userPatternCount && found === undefined; i++) {
        const p = patterns[i] as (typeof patterns)[number];
        if (p.re.test(full)) found = p.short;
      }
      // Each candidate in turn (the whole name first): the user's names, the table's, its patterns.
      for (const key of candidates) {
        if (found !== undefined) break;
        found = userExact.get(key) ?? exact.get(key);
        for (let i = userPatternCount; i < patterns.length && found === undefined; i++) {
          const p = patterns[i] as (typeof patterns)[number];
          if (p.re.test(key)) found = p.short;
        }
      }
      cache.set(full, found);
      return found;
    },
  };
}
