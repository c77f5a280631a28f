/**
 * The name of the database RDS creates inside an instance or cluster (`db_name`, `database_name`). RDS takes 1 to 63
 * characters (64 for MySQL) that begin with a letter and continue with letters, digits or underscores, and rejects a
 * word its engine reserves (Amazon RDS API Reference, CreateDBInstance `DBName`; CreateDBCluster `DatabaseName`).
 * A component label such as `database` is a MySQL reserved word: the instance would plan and fail at apply.
 */
import type { DatabaseParams } from "../../../contracts/generated/plan-spec.js";

/** PostgreSQL 17 key words marked reserved (PostgreSQL documentation, Appendix C "SQL Key Words"). */
const POSTGRES_RESERVED = `all analyse analyze and any array as asc asymmetric authorization binary both case cast check
collate collation column concurrently constraint create cross current_catalog current_date current_role current_schema
current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for
foreign freeze from full grant group having ilike in initially inner intersect into is isnull join lateral leading
left like limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing
primary references returning right select session_user similar some symmetric system_user table tablesample then to
trailing true union unique user using variadic verbose when where window with`;

/** MySQL 8.4 reserved words, the ones marked (R) (MySQL 8.4 Reference Manual, 11.3 "Keywords and Reserved Words"). */
const MYSQL_RESERVED = `accessible add all alter analyze and as asc asensitive before between bigint binary blob both
by call cascade case change char character check collate column condition constraint continue convert create cross
cube cume_dist current_date current_time current_timestamp current_user cursor database databases day_hour
day_microsecond day_minute day_second dec decimal declare default delayed delete dense_rank desc describe
deterministic distinct distinctrow div double drop dual each else elseif empty enclosed escaped except exists exit
explain false fetch first_value float float4 float8 for force foreign from fulltext function generated get grant
group grouping groups having high_priority hour_microsecond hour_minute hour_second if ignore in index infile inner
inout insensitive insert int int1 int2 int3 int4 int8 integer intersect interval into io_after_gtids io_before_gtids
is iterate join json_table key keys kill lag last_value lateral lead leading leave left like limit linear lines load
localtime localtimestamp lock long longblob longtext loop low_priority manual master_bind
master_ssl_verify_server_cert match maxvalue mediumblob mediumint mediumtext middleint minute_microsecond
minute_second mod modifies natural not no_write_to_binlog nth_value ntile null numeric of on optimize
optimizer_costs option optionally or order out outer outfile over parallel partition percent_rank precision primary
procedure purge qualify range rank read reads read_write real recursive references regexp release rename repeat
replace require resignal restrict return revoke right rlike row rows row_number schema schemas second_microsecond
select sensitive separator set show signal smallint spatial specific sql sqlexception sqlstate sqlwarning
sql_big_result sql_calc_found_rows sql_small_result ssl starting stored straight_join system table terminated then
tinyblob tinyint tinytext to trailing trigger true undo union unique unlock unsigned update usage use using utc_date
utc_time utc_timestamp values varbinary varchar varcharacter varying virtual when where while window with write xor
year_month zerofill`;

/** Names RDS keeps for itself: PostgreSQL's template and maintenance databases, MySQL's system schemas. */
const RDS_KEPT = "postgres template0 template1 rdsadmin mysql information_schema performance_schema sys";

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter((w) => w.length > 0));

export const RESERVED_DATABASE_NAMES: Readonly<Record<DatabaseParams["engine"], ReadonlySet<string>>> = {
  postgres: words(`${POSTGRES_RESERVED} ${RDS_KEPT}`),
  mysql: words(`${MYSQL_RESERVED} ${RDS_KEPT}`),
};

const MAX_LENGTH: Readonly<Record<DatabaseParams["engine"], number>> = { postgres: 63, mysql: 64 };

/** Why a database name would be refused by RDS for this engine, or undefined when it is valid. */
export function databaseNameProblem(name: string, engine: DatabaseParams["engine"]): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
    return "must begin with a letter and hold only letters, digits and underscores";
  if (name.length > MAX_LENGTH[engine]) return `must be at most ${MAX_LENGTH[engine]} characters`;
  if (RESERVED_DATABASE_NAMES[engine].has(name.toLowerCase()))
    return `is a word ${engine === "mysql" ? "MySQL" : "PostgreSQL"} reserves`;
  return undefined;
}

/**
 * The database name for a stack: its name with underscores for dashes (`checkout-api` → `checkout_api`), which is
 * valid for both engines; `_db` is added when that would still be a reserved word, and `db_` put first when the name
 * would not begin with a letter.
 */
export function defaultDatabaseName(stackName: string, engine: DatabaseParams["engine"]): string {
  let name = stackName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!/^[a-z]/.test(name)) name = `db_${name}`;
  name = name.slice(0, MAX_LENGTH[engine] - 3).replace(/_+$/, "");
  return databaseNameProblem(name, engine) === undefined ? name : `${name}_db`;
}
